"""HwcAvgPoolNet in PyTorch: permute the channels-last glyphs to NCHW, Conv2d(1, 4, 3), ReLU,
AvgPool2d(2), back to channels-last for the flatten so that the dense weight matches the NumPy
one, Linear(36, 3). RMSprop at 0.01 (alpha 0.99, eps 1e-8)."""

import torch
import torch.nn.functional as F
from torch import nn


class HwcAvgPoolNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.pool = nn.AvgPool2d(2)
        self.fc = nn.Linear(36, 3)

    def forward(self, x):
        x = self.pool(F.relu(self.conv(x.permute(0, 3, 1, 2))))
        return self.fc(x.permute(0, 2, 3, 1).reshape(len(x), -1))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.99, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
