"""TileNet in PyTorch: Conv2d(3, 4, 3), ReLU, AvgPool2d(2), Flatten, Linear(16, 3), as one
nn.Sequential with named layers; Adam at 0.01."""

from collections import OrderedDict

import torch
import torch.nn.functional as F
from torch import nn


class TileNet(nn.Sequential):
    def __init__(self):
        super().__init__(OrderedDict([
            ("conv", nn.Conv2d(3, 4, 3)),
            ("relu", nn.ReLU()),
            ("pool", nn.AvgPool2d(2)),
            ("flatten", nn.Flatten()),
            ("fc", nn.Linear(16, 3)),
        ]))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
