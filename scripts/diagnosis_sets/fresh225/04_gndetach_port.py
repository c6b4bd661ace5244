"""PyTorch port of ds_numpy.py with the group norm written out: depthwise-separable Conv1d,
a GroupNorm module of its own (2 groups, 8 channels, affine), ReLU, global average pooling,
Linear(8, 3); F.cross_entropy (mean); torch.optim.Adam(lr=0.01).

The group statistics are taken without tracking them, as running statistics would be.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GroupNorm1d(nn.Module):
    def __init__(self, groups, channels, eps=1e-5):
        super().__init__()
        self.groups, self.eps = groups, eps
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels))

    def forward(self, x):
        N, C, T = x.shape
        xg = x.view(N, self.groups, -1)
        with torch.no_grad():
            mean = xg.mean(dim=2, keepdim=True)
            var = xg.var(dim=2, keepdim=True, unbiased=False)
        xhat = ((xg - mean) / torch.sqrt(var + self.eps)).view(N, C, T)
        return xhat * self.weight[:, None] + self.bias[:, None]


class DSConvNet(nn.Module):
    def __init__(self, channels=4, width=8, classes=3, kernel=5, groups=2):
        super().__init__()
        self.dw = nn.Conv1d(channels, channels, kernel, padding=kernel // 2, groups=channels)
        self.pw = nn.Conv1d(channels, width, 1)
        self.gn = GroupNorm1d(groups, width)
        self.fc = nn.Linear(width, classes)

    def forward(self, x):
        x = self.pw(self.dw(x))
        x = F.relu(self.gn(x))
        return self.fc(x.mean(dim=2))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
