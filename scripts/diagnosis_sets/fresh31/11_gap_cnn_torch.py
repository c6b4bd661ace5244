"""GapCNN in PyTorch: Conv2d(3, 5, 3), tanh, global average pooling (mean over H and W),
Linear(5, 3); plain SGD at 0.3."""

import torch
import torch.nn.functional as F
from torch import nn


class GapCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 5, 3)
        self.fc = nn.Linear(5, 3)

    def forward(self, x):
        return self.fc(torch.tanh(self.conv(x)).mean(dim=(2, 3)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
