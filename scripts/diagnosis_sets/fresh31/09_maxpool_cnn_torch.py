"""MaxPoolCNN in PyTorch: Conv2d(1, 4, 3), tanh, MaxPool2d(2), flatten, Linear(36, 3); plain SGD
at 0.1 on F.cross_entropy."""

import torch
import torch.nn.functional as F
from torch import nn


class MaxPoolCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.dense = nn.Linear(36, 3)

    def forward(self, x):
        x = F.max_pool2d(torch.tanh(self.conv(x)), 2)
        return self.dense(x.flatten(1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
