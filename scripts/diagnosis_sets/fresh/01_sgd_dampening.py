"""Momentum SGD whose dampening was set to 0.9 alongside momentum=0.9 (read as 'the same
beta twice'); the NumPy network runs plain heavy-ball momentum, v = mu * v + g."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.fc2 = nn.Linear(6, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, dampening=0.9)   # BUG: dampening


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
