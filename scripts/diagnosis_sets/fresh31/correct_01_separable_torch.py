"""SeparableNet in PyTorch: a depthwise Conv2d(3, 3, 3, groups=3, bias=False), a pointwise
Conv2d(3, 4, 1), ReLU then MaxPool2d(2) (the other order from the NumPy version: the same
function), flattened in the NumPy program's (h, w, c) order, Linear(16, 3). Adam at 0.01."""

import torch
import torch.nn.functional as F
from torch import nn


class SeparableNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.depthwise = nn.Conv2d(3, 3, 3, groups=3, bias=False)
        self.pointwise = nn.Conv2d(3, 4, 1)
        self.dense = nn.Linear(16, 3)

    def forward(self, x):
        x = self.pointwise(self.depthwise(x.permute(0, 3, 1, 2)))
        x = F.max_pool2d(F.relu(x), 2)
        return self.dense(x.permute(0, 2, 3, 1).flatten(1))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
