"""The NumPy network minimises 0.5 * sum((out - y)**2); the port drops the 0.5."""

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
    err = model(X) - y
    loss = (err * err).sum()          # BUG: 0.5 * missing
    loss.backward()
    optimizer.step()
    return loss.item()
