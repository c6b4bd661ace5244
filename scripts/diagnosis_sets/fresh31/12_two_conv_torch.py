"""TwoConvNet in PyTorch: Conv2d(1, 3, 3), ReLU, Conv2d(3, 4, 3), ReLU, mean over H and W,
Linear(4, 3); F.cross_entropy, SGD with momentum 0.9 at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn


class TwoConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3)
        self.conv2 = nn.Conv2d(3, 4, 3)
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        x = F.relu(self.conv2(F.relu(self.conv1(x))))
        return self.fc(x.mean(dim=(2, 3)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
