"""LoopConvNet in PyTorch: Conv2d(2, 4, 3), ReLU, flatten, Linear(100, 3); SGD at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn


class LoopConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 4, 3)
        self.fc = nn.Linear(100, 3)

    def forward(self, x):
        return self.fc(F.relu(self.conv(x)).flatten(1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
