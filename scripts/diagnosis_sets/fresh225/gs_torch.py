"""PyTorch port of gs_numpy.py: grouped strided Conv1d(6, 12, 3, stride=2, padding=1,
groups=3, bias=False), GroupNorm(4, 12), GELU (tanh), pointwise Conv1d(12, 8, 1), ReLU,
mean over time, Linear(8, 1); F.mse_loss; SGD(lr=0.05, momentum=0.9, weight_decay=5e-3).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GroupedConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(6, 12, 3, stride=2, padding=1, groups=3, bias=False)
        self.gn = nn.GroupNorm(4, 12)
        self.pw = nn.Conv1d(12, 8, 1)
        self.head = nn.Linear(8, 1)

    def forward(self, x):
        x = F.gelu(self.gn(self.conv(x)), approximate="tanh")
        x = F.relu(self.pw(x)).mean(dim=2)
        return self.head(x).squeeze(1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
