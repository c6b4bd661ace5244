"""The gated skip regressor in PyTorch, the reference for my NumPy version.
"""

import torch
import torch.nn.functional as F
from torch import nn


class GatedSkipRegressor(nn.Module):
    def __init__(self, n_in=4, width=8, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, width)
        self.s = nn.Parameter(torch.zeros(1))
        self.fc3 = nn.Linear(width, n_out)

    def forward(self, x):
        h = torch.tanh(self.fc1(x))
        g = torch.sigmoid(self.s)
        h = g * torch.tanh(self.fc2(h)) + (1 - g) * h
        return self.fc3(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
