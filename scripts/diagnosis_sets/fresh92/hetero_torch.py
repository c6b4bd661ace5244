"""HeteroGaussian in PyTorch: an nn.Linear ReLU trunk and two nn.Linear heads, the variance
F.softplus(s) + VAR_EPS; F.gaussian_nll_loss; torch.optim.RMSprop with two parameter groups and a
LambdaLR that keeps the variance head's rate at 0 for the first WARMUP updates."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D_IN, HIDDEN = 6, 12
LR, ALPHA, EPS, VAR_EPS, WARMUP = 0.01, 0.9, 1e-6, 1e-3, 4


class HeteroGaussian(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(D_IN, HIDDEN)
        self.mean_head = nn.Linear(HIDDEN, 1)
        self.var_head = nn.Linear(HIDDEN, 1)

    def forward(self, X):
        h = torch.relu(self.trunk(X))
        mu = self.mean_head(h)
        var = F.softplus(self.var_head(h)) + VAR_EPS
        return mu, var


def make_optimizer(model):
    groups = [
        {"params": list(model.trunk.parameters()) + list(model.mean_head.parameters())},
        {"params": list(model.var_head.parameters())},
    ]
    optimizer = torch.optim.RMSprop(groups, lr=LR, alpha=ALPHA, eps=EPS)
    scheduler = LambdaLR(optimizer, [lambda step: 1.0, lambda step: 0.0 if step < WARMUP else 1.0])
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    mu, var = model(X)
    loss = F.gaussian_nll_loss(mu, y, var)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
