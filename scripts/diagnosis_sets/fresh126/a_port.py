"""PyTorch port of a_numpy.py.

nn.Conv2d(2, 4, 3, stride=1, padding=1) -> ReLU -> nn.MaxPool2d(2, 2) -> flatten -> nn.Linear(64, 3),
F.cross_entropy (mean), torch.optim.SGD(lr=0.05, momentum=0.9).

    conv.weight (4, 2, 3, 3) = K     conv.bias (4,) = bK
    fc.weight   (3, 64)      = W.T   fc.bias   (3,) = b
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class CNN(nn.Module):
    def __init__(self, in_channels=2, filters=4, classes=3, size=8):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, filters, 3, stride=1, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc = nn.Linear(filters * (size // 2) ** 2, classes)

    def forward(self, x):
        x = self.pool(F.relu(self.conv(x)))
        x = torch.flatten(x, 1)
        return self.fc(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
