"""TiedAutoRec in PyTorch: one nn.Linear encoder whose weight also decodes,
F.linear(h, enc.weight.t(), c); the masked squared error summed per user and averaged over the
users, plus LAM1 * torch.norm(W, p=1); torch.optim.Adam with a LambdaLR linear warmup."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

N_ITEMS, HIDDEN = 10, 5
LR, LAM1, WARMUP = 0.02, 0.002, 5


class TiedAutoRec(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(N_ITEMS, HIDDEN)
        self.c = nn.Parameter(torch.full((N_ITEMS,), 3.0))

    def forward(self, X, M):
        h = torch.sigmoid(self.enc(X * M))
        return F.linear(h, self.enc.weight.t(), self.c)


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    scheduler = LambdaLR(optimizer, lambda step: min(1.0, step / WARMUP))  # fix: scheduler = LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / WARMUP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    M = y
    optimizer.zero_grad()
    xhat = model(X, M)
    rec = ((xhat - X) ** 2 * M).sum(dim=1).mean()
    loss = rec + LAM1 * torch.norm(model.enc.weight, p=1)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
