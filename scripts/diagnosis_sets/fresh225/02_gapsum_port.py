"""PyTorch port of ds_numpy.py: depthwise-separable Conv1d, GroupNorm(2, 8), ReLU, global
average pooling, Linear(8, 3); F.cross_entropy (mean); torch.optim.Adam(lr=0.01).

    dw.weight (4, 1, 5)  = params['dw'] (4, 5) with the size-one axis
    pw.weight (8, 4, 1)  = params['pw'] (8, 4) with the size-one axis
    fc.weight (3, 8)     = params['W'].T
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DSConvNet(nn.Module):
    def __init__(self, channels=4, width=8, classes=3, kernel=5, groups=2):
        super().__init__()
        self.dw = nn.Conv1d(channels, channels, kernel, padding=kernel // 2, groups=channels)
        self.pw = nn.Conv1d(channels, width, 1)
        self.gn = nn.GroupNorm(groups, width, eps=1e-5)
        self.fc = nn.Linear(width, classes)

    def forward(self, x):
        x = self.pw(self.dw(x))
        x = F.relu(self.gn(x))
        return self.fc(x.sum(dim=2))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
