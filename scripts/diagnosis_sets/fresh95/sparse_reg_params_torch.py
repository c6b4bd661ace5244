"""SparseRegressor port written another way: raw nn.Parameters W1 (in, hidden) and W2 (hidden, 1)
used as x @ W1; the gradients clipped by a global norm computed by hand; the learning rate set by
a LambdaLR whose factor is the closed-form cosine; the proximal steps written with
torch.linalg.vector_norm over each input feature's row and F.softshrink for the L1 part."""

import math

import torch
import torch.nn.functional as F
from torch import nn

D, H = 10, 16
LR, LR_MIN, T_MAX = 0.2, 0.02, 20
LAM_G, LAM_1, MAX_NORM = 0.05, 0.01, 1.0


class SparseRegressorP(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(D, H) * 0.25)
        self.b1 = nn.Parameter(torch.zeros(H))
        self.W2 = nn.Parameter(torch.randn(H, 1) * 0.25)
        self.b2 = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return (torch.tanh(x @ self.W1 + self.b1) @ self.W2 + self.b2).squeeze(-1)


def cosine_factor(step):
    return (LR_MIN + (LR - LR_MIN) * (1.0 + math.cos(math.pi * step / T_MAX)) / 2.0) / LR


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, cosine_factor)


def train_step(model, optimizer, X, y, scheduler=None):
    for p in model.parameters():
        p.grad = None
    r = model(X) - y
    mse = (r * r).mean()
    mse.backward()
    with torch.no_grad():
        total = torch.sqrt(sum((p.grad * p.grad).sum() for p in model.parameters()))
        coef = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
        for p in model.parameters():
            p.grad.mul_(coef)
        reg = LAM_G * torch.linalg.vector_norm(model.W1, dim=1).sum() + LAM_1 * model.W2.abs().sum()
        reported = mse + reg
    optimizer.step()
    lr = optimizer.param_groups[0]["lr"]
    with torch.no_grad():
        shrink = 1.0 - lr * LAM_G / torch.linalg.vector_norm(model.W1, dim=1, keepdim=True).clamp_min(1e-12)
        model.W1.mul_(F.relu(shrink))
        model.W2.copy_(F.softshrink(model.W2, lr * LAM_1))
    if scheduler is not None:
        scheduler.step()
    return reported.item()
