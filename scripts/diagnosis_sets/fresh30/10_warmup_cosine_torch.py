"""WarmupRegressor in PyTorch: Linear -> ReLU -> Linear, F.mse_loss, SGD with momentum under a
LambdaLR that holds the warm-up-then-cosine factor (the lambda receives the number of updates made)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

LR, MU, WARMUP, TOTAL = 0.1, 0.9, 5, 25


def schedule(t):
    if t < WARMUP:
        return (t + 1) / WARMUP
    return 0.5 * (1.0 + math.cos(math.pi * (t - WARMUP) / (TOTAL - WARMUP)))


class WarmupRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 10)
        self.fc2 = nn.Linear(10, 2)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)
    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
