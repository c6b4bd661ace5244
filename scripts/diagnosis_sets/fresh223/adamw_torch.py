"""PyTorch port of adamw_numpy.py: ReLU MLP regressor, torch.optim.AdamW and a LambdaLR
warmup-then-cosine schedule (scheduler.step() after each optimizer.step())."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

WARMUP, TOTAL_STEPS, MIN_LR_RATIO = 4, 20, 0.1


def warmup_cosine(step):
    """Factor on the base lr for the update made after `step` scheduler steps."""
    t = step + 1
    if t <= WARMUP:
        return t / WARMUP
    progress = (t - WARMUP) / (TOTAL_STEPS - WARMUP)
    return MIN_LR_RATIO + 0.5 * (1 - MIN_LR_RATIO) * (1 + math.cos(math.pi * progress))


class WarmupCosineMLP(nn.Module):
    def __init__(self, sizes=(4, 24, 24, 2)):
        super().__init__()
        self.l1 = nn.Linear(sizes[0], sizes[1])
        self.l2 = nn.Linear(sizes[1], sizes[2])
        self.l3 = nn.Linear(sizes[2], sizes[3])

    def forward(self, x):
        x = F.relu(self.l1(x))
        x = F.relu(self.l2(x))
        return self.l3(x)


def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                                  weight_decay=0.05)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, warmup_cosine)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
