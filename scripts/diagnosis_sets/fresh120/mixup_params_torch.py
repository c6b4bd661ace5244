"""MixupRegressor ported another way: raw nn.Parameter weights kept (in, out) as NumPy keeps them
(X @ W1 + b1), the mixup through torch.lerp, the squared error written out, the L1 penalty as
torch.linalg.vector_norm(W1, ord=1), the global-norm clipping done by hand, and
torch.optim.AdamW(foreach=False) under a LambdaLR whose factor is the cosine with warm restarts
written out (periods 3, 6, 12) instead of CosineAnnealingWarmRestarts."""

import math
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, H = 8, 16
LR, ETA_MIN, T_0, T_MULT = 0.01, 1e-3, 3, 2
WD, LAM1, MAX_NORM = 0.05, 1e-3, 1.0
_mix = np.load(Path(__file__).with_name("mixup.npz"))


def restart_factor(count):
    period, pos = T_0, count
    while pos >= period:
        pos, period = pos - period, period * T_MULT
    return (ETA_MIN + (LR - ETA_MIN) * 0.5 * (1.0 + math.cos(math.pi * pos / period))) / LR


class MixupRegressorP(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(D, H) / math.sqrt(D))
        self.b1 = nn.Parameter(torch.zeros(H))
        self.W2 = nn.Parameter(torch.randn(H, 1) / math.sqrt(H))
        self.b2 = nn.Parameter(torch.zeros(1))
        self.register_buffer("mix_lam", torch.from_numpy(_mix["lam"]))
        self.register_buffer("mix_perm", torch.from_numpy(_mix["perm"]))
        self.steps_done = 0

    def forward(self, X):
        return torch.tanh(X @ self.W1 + self.b1) @ self.W2 + self.b2


def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD, foreach=False)
    return optimizer, LambdaLR(optimizer, restart_factor)


def train_step(model, optimizer, X, y, scheduler=None):
    row = model.steps_done % model.mix_lam.shape[0]
    model.steps_done += 1
    lam = model.mix_lam[row, :X.shape[0]].to(X.dtype)
    perm = model.mix_perm[row, :X.shape[0]]
    Xm = torch.lerp(X[perm], X, lam.unsqueeze(1))
    ym = torch.lerp(y[perm], y, lam)

    for p in model.parameters():
        p.grad = None
    pred = model(Xm).squeeze(1)
    loss = (pred - ym).pow(2).mean() + LAM1 * torch.linalg.vector_norm(model.W1, ord=1)
    loss.backward()
    with torch.no_grad():
        total = torch.sqrt(sum(p.grad.pow(2).sum() for p in model.parameters()))
        scale = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
        for p in model.parameters():
            p.grad.mul_(scale)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
