"""PyTorch port of the NumPy XOR-style classifier: 4 inputs, 6 sigmoid units, one sigmoid output,
mean binary cross-entropy, plain SGD. A ReduceLROnPlateau scheduler, made on the first step for
the optimizer it is given, halves the learning rate when the training loss stops improving for a
few steps."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=6):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.out(torch.sigmoid(self.hidden(x))))


_schedulers = {}


def plateau_scheduler(optimizer):
    if optimizer not in _schedulers:
        _schedulers[optimizer] = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=2)   # BUG: _schedulers[optimizer] = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=0.5, patience=2)
    return _schedulers[optimizer]


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    scheduler = plateau_scheduler(optimizer)
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step(loss.item())
    return loss.item()
