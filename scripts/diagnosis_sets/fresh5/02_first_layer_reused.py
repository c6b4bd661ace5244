"""Homework port of a two-hidden-layer sigmoid network trained on the sum of squared errors.
Both hidden layers are 6 wide, and the second hidden layer's line was copied from the first
without renaming: forward applies self.fc1 twice and self.fc2 is never used (it gets no
gradient and never moves, while fc1 is shared by both layers)."""

import torch
from torch import nn


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(6, 6)
        self.fc2 = nn.Linear(6, 6)
        self.out = nn.Linear(6, 1)

    def forward(self, x):
        x = torch.sigmoid(self.fc1(x))
        x = torch.sigmoid(self.fc1(x))   # BUG: self.fc2
        return torch.sigmoid(self.out(x))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    output = model(X)
    loss = torch.sum((output - y) ** 2)
    loss.backward()
    optimizer.step()
    return loss.item()
