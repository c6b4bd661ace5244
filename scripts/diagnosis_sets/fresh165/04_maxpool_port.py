"""PyTorch port of res_numpy.py: conv -> residual block (identity shortcut) -> avg pool -> linear.

AdamW(lr=0.003, weight_decay=0.05) with CosineAnnealingLR(T_max=30, eta_min=1e-4), stepped once
per training step.  Weights: convK.weight = params['Kk'] (same layout), fc.weight = params['W'].T.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class ResidualBlock(nn.Module):
    def __init__(self, ch):
        super().__init__()
        self.conv2 = nn.Conv2d(ch, ch, 3, padding=1)
        self.conv3 = nn.Conv2d(ch, ch, 3, padding=1)

    def forward(self, x):
        out = F.relu(self.conv2(x))
        out = self.conv3(out)
        return F.relu(out + x)


class TinyResNet(nn.Module):
    def __init__(self, in_ch=2, width=4, classes=4, size=8):
        super().__init__()
        self.conv1 = nn.Conv2d(in_ch, width, 3, padding=1)
        self.block = ResidualBlock(width)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(width * (size // 2) ** 2, classes)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = self.block(x)
        x = self.pool(x)
        return self.fc(torch.flatten(x, 1))


def make_optimizer(model, lr=0.003, weight_decay=0.05, T_max=30, eta_min=1e-4):
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=T_max, eta_min=eta_min)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "res.npz"))
    X, y = torch.from_numpy(d["X"]), torch.from_numpy(d["y"])
    model = TinyResNet()
    opt, sched = make_optimizer(model)
    for i in range(30):
        l = train_step(model, opt, X, y, sched)
        if i % 5 == 0:
            print(i, l)
