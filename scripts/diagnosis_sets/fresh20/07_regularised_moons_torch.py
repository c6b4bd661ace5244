"""PyTorch port of RegularisedMoons (07_regularised_moons_numpy.py). The L2 term of the cost
becomes SGD weight decay on the weights only (a parameter group for the biases without it).
The whole training set is one batch."""

import torch
import torch.nn.functional as F
from torch import nn

LAMBD = 0.7
N_TRAIN = 40   # examples in the training set


class RegularisedMoons(nn.Module):
    def __init__(self, hidden=10):
        super().__init__()
        self.fc1 = nn.Linear(2, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(F.relu(self.fc1(x))))


def make_optimizer(model):
    weights = [model.fc1.weight, model.fc2.weight]
    biases = [model.fc1.bias, model.fc2.bias]
    return torch.optim.SGD([
        {"params": weights, "weight_decay": LAMBD},   # BUG: {"params": weights, "weight_decay": LAMBD / N_TRAIN},
        {"params": biases, "weight_decay": 0.0},
    ], lr=0.3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = model(X)
    loss = F.binary_cross_entropy(p, y)
    with torch.no_grad():
        l2 = LAMBD / (2 * len(X)) * (model.fc1.weight.pow(2).sum() + model.fc2.weight.pow(2).sum())
    loss.backward()
    optimizer.step()
    return loss.item() + l2.item()
