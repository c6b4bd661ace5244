"""sgdr_torch.py written another way: plain nn.Parameter tensors kept (in, out) as the
NumPy program keeps them, and the schedule built from torch's own schedulers: a LambdaLR
linear warm-up, then CosineAnnealingWarmRestarts, chained by SequentialLR.

    W1 (5, 16), b1 (16,), W2 (16, 1), b2 (1,)
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class WarmRestartNet(nn.Module):
    def __init__(self, n_in=5, hidden=16):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, hidden) * math.sqrt(2.0 / n_in))
        self.b1 = nn.Parameter(torch.full((hidden,), 0.01))
        self.W2 = nn.Parameter(torch.randn(hidden, 1) / math.sqrt(hidden))
        self.b2 = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        return torch.clamp(X @ self.W1 + self.b1, min=0) @ self.W2 + self.b2


def make_optimizer(model, lr=0.1, warmup=3):
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, nesterov=True,
                                weight_decay=1e-3)
    warm = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: (step + 1) / warmup)
    sgdr = torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(optimizer, T_0=4, T_mult=2,
                                                                eta_min=0.005)
    scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, [warm, sgdr], milestones=[warmup])
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
