"""ClsAttention in PyTorch: a learned CLS nn.Parameter concatenated in front of the events, a
learned position table, one head of attention from bias-free nn.Linear projections, the residual,
a post-norm nn.LayerNorm and an nn.Linear readout of position 0;
F.binary_cross_entropy_with_logits. torch.optim.SGD(momentum=0.9, weight_decay=0.01) with
CosineAnnealingLR(T_max=20, eta_min=0.005)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

T, D = 4, 5
LR, LR_MIN, TOTAL = 0.05, 0.005, 20
MOMENTUM, WD = 0.9, 0.01
LN_EPS = 1e-5


class ClsAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.cls = nn.Parameter(torch.zeros(D))
        self.pos = nn.Parameter(torch.zeros(T + 1, D))
        self.q = nn.Linear(D, D, bias=False)
        self.k = nn.Linear(D, D, bias=False)
        self.v = nn.Linear(D, D, bias=False)
        self.ln = nn.LayerNorm(D, eps=LN_EPS)
        self.head = nn.Linear(D, 1)

    def forward(self, X):
        n = X.shape[0]
        events = X.view(n, T, D)
        x = torch.cat([self.cls.expand(n, 1, D), events], dim=1) + self.pos
        q, k, v = self.q(x), self.k(x), self.v(x)
        attn = torch.softmax(q @ k.transpose(1, 2) / math.sqrt(D), dim=-1)
        h = self.ln(x + attn @ v)
        return self.head(h[:, -1]).squeeze(-1)  # fix: return self.head(h[:, 0]).squeeze(-1)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=TOTAL, eta_min=LR_MIN)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
