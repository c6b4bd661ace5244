"""The regressor in PyTorch: SGD with momentum and a LambdaLR warm-up then cosine decay, stepped
after every update."""

import math

import torch
import torch.nn.functional as F
from torch import nn

LR0, MOMENTUM = 0.1, 0.9
WARMUP, TOTAL = 4, 20


def lr_lambda(s):
    if s < WARMUP:
        return (s + 1) / WARMUP
    progress = s / TOTAL  # fix: progress = (s - WARMUP) / (TOTAL - WARMUP)
    return 0.5 * (1.0 + math.cos(math.pi * progress))


class Net(nn.Module):
    def __init__(self, sizes=(4, 8, 2)):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0, momentum=MOMENTUM)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
