"""The matrix-factorisation port of mf_torch.py written in another style: user and item factors
in nn.Embedding tables looked up with torch.arange, the item bias a raw nn.Parameter, the
score matrix through torch.einsum, the loss from the observed entries picked with
torch.masked_select and F.mse_loss(reduction='mean') over them, the L2 penalty through
torch.linalg.vector_norm squared, and the warmup a LinearLR(start_factor=1/WARMUP) over WARMUP-1
steps (the same factors (t + 1) / WARMUP)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LinearLR

N_USERS, N_ITEMS, K = 24, 10, 3
LR, LAM, MOMENTUM, WARMUP = 0.5, 0.05, 0.9, 5


class EmbeddingMF(nn.Module):
    def __init__(self):
        super().__init__()
        self.users = nn.Embedding(N_USERS, K)
        self.items = nn.Embedding(N_ITEMS, K)
        self.item_bias = nn.Parameter(torch.zeros(N_ITEMS))

    def forward(self, X, M):
        u = self.users(torch.arange(X.shape[0]))
        v = self.items(torch.arange(X.shape[1]))
        observed = torch.masked_select(X, M.bool())
        return observed.mean() + torch.einsum("uk,ik->ui", u, v) + self.item_bias


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    scheduler = LinearLR(optimizer, start_factor=1.0 / WARMUP, end_factor=1.0, total_iters=WARMUP - 1)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    keep = y.bool()
    optimizer.zero_grad()
    pred = model(X, y)
    fit = 0.5 * F.mse_loss(torch.masked_select(pred, keep), torch.masked_select(X, keep))
    reg = 0.5 * LAM * (torch.linalg.vector_norm(model.users.weight) ** 2
                       + torch.linalg.vector_norm(model.items.weight) ** 2)
    loss = fit + reg
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
