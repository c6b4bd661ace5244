"""The tied AutoRec port of autorec_torch.py written in another style: the shared weight a raw
(items, hidden) nn.Parameter used as x @ W to encode and h @ W.T to decode, the squared error of
the observed ratings taken with torch.where, the L1 penalty as W.abs().sum(), Adam built with
foreach=False, and the warmup set by hand in each param_group before optimizer.step() instead of
a scheduler."""

import torch
from torch import nn

N_ITEMS, HIDDEN = 10, 5
LR, LAM1, WARMUP = 0.02, 0.002, 5


class TiedAutoRecP(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.empty(N_ITEMS, HIDDEN).normal_(0.0, 0.3))
        self.b = nn.Parameter(torch.zeros(HIDDEN))
        self.c = nn.Parameter(torch.full((N_ITEMS,), 3.0))
        self.updates = 0

    def forward(self, X, M):
        observed = torch.where(M.bool(), X, torch.zeros_like(X))
        h = torch.sigmoid(observed @ self.W + self.b)
        return h @ self.W.T + self.c


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, betas=(0.9, 0.999), eps=1e-8, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    xhat = model(X, y)
    sq = torch.where(y > 0, (xhat - X).square(), torch.zeros_like(X))
    loss = sq.sum() / X.size(0) + LAM1 * model.W.abs().sum()
    loss.backward()
    model.updates += 1
    for group in optimizer.param_groups:
        group["lr"] = LR * min(1.0, model.updates / WARMUP)
    optimizer.step()
    return loss.item()
