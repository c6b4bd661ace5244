"""PyTorch port of dsconv_numpy.py: a depthwise-separable CNN on 2x6x6 images.

nn.Conv2d(2, 4, 3, padding=1, groups=2) (depthwise, multiplier 2) -> ReLU
-> nn.Conv2d(4, 4, 1) (pointwise) -> ReLU -> mean over H, W -> nn.Linear(4, 3);
F.cross_entropy (mean), torch.optim.SGD(lr=0.1, momentum=0.9).

    dw.weight (4, 1, 3, 3) = Wd     pw.weight (4, 4, 1, 1) = Wp[:, :, None, None]
    fc.weight (3, 4)       = Wf
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DSConvNet(nn.Module):
    def __init__(self, in_channels=2, multiplier=2, kernel_size=3, classes=3):
        super().__init__()
        maps = in_channels * multiplier
        self.dw = nn.Conv2d(in_channels, maps, kernel_size, padding=kernel_size // 2, groups=in_channels)
        self.pw = nn.Conv2d(maps, maps, 1)
        self.fc = nn.Linear(maps, classes)

    def forward(self, X):
        h = F.relu(self.dw(X))
        h = F.relu(self.pw(h))
        return self.fc(h.mean(dim=(2, 3)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
