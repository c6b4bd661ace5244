"""TrendAR in PyTorch: phi, scale, trend and bias as nn.Parameters, the windows read with
X.reshape(-1, 3, 8), the slope weights a buffer; F.huber_loss(delta=0.5);
torch.optim.SGD(momentum=0.9, nesterov=True, weight_decay=0.01) with ExponentialLR."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import ExponentialLR

C, L = 3, 8
LR, MOMENTUM, WD, DECAY, DELTA = 0.05, 0.9, 0.01, 0.1, 0.5


class TrendAR(nn.Module):
    def __init__(self):
        super().__init__()
        self.phi = nn.Parameter(0.15 * torch.randn(L))
        self.scale = nn.Parameter(torch.ones(C))
        self.trend = nn.Parameter(0.1 * torch.randn(C))
        self.bias = nn.Parameter(torch.zeros(C))
        lag = torch.arange(L, dtype=torch.float64) - (L - 1) / 2.0
        self.register_buffer("tw", lag / lag.pow(2).sum())

    def forward(self, X):
        Xw = X.reshape(-1, C, L)
        ar = Xw @ self.phi
        slope = Xw @ self.tw.to(X.dtype)
        return self.scale * ar + self.trend * slope + self.bias


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, nesterov=True,
                                weight_decay=WD)
    scheduler = ExponentialLR(optimizer, gamma=math.exp(-DECAY))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.smooth_l1_loss(model(X), y, beta=DELTA)  # fix: loss = F.huber_loss(model(X), y, delta=DELTA)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
