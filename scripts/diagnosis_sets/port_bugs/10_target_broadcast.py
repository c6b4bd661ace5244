"""Targets flattened to shape (n,) 'to match the labels vector'; the output is (n, 1),
so the subtraction broadcasts to (n, n)."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.fc2 = nn.Linear(6, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    target = y.view(-1)                         # BUG: (n,) against an output of (n, 1)
    loss = torch.mean((model(X) - target) ** 2)
    loss.backward()
    optimizer.step()
    return loss.item()
