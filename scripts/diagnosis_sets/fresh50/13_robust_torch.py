"""RobustModel in PyTorch: nn.Linear(3, 1) and the Huber loss written by hand with torch.where
(quadratic inside DELTA, linear beyond), mean over the rows, SGD."""

import torch
from torch import nn

LR = 0.2
DELTA = 1.0


class RobustModel(nn.Module):
    def __init__(self, n_in=3):
        super().__init__()
        self.lin = nn.Linear(n_in, 1)

    def forward(self, x):
        return self.lin(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def huber(r):
    a = r.abs()
    return torch.where(a <= DELTA, 0.5 * r ** 2, DELTA * (a - 0.5 * DELTA))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = huber(model(X) - y).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
