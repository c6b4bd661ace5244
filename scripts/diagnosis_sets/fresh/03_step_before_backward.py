"""The training step calls optimizer.step() before loss.backward(): each step applies the
gradients left over from the previous step (the first step moves nothing)."""

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
    optimizer.step()           # BUG: the update comes before this step's backward
    optimizer.zero_grad()
    out = model(X)
    loss = ((out - y) ** 2).sum()
    loss.backward()
    return loss.item()
