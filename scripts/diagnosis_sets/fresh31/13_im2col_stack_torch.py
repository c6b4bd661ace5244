"""Im2colStack in PyTorch: Conv2d(1, 4, 3), tanh, Conv2d(4, 4, 3), tanh, flatten, Linear(64, 3);
plain SGD at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn


class Im2colStack(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(1, 4, 3), nn.Tanh(), nn.Conv2d(4, 4, 3), nn.Tanh(), nn.Flatten())
        self.head = nn.Linear(64, 3)

    def forward(self, x):
        return self.head(self.body(x))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
