"""BPRMF in PyTorch: nn.Embedding user and item factors and an item-bias table, the weighted BPR
loss -logsigmoid(s_pos - s_neg) normalised by the total weight plus the L2 penalty of the rows in
the batch, torch.optim.SGD(momentum=0.9) with a LambdaLR exponential decay
(factor GAMMA ** t for the update after t updates)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim import lr_scheduler

N_USERS, N_ITEMS, K = 16, 24, 5
LR, MOMENTUM, GAMMA, LAM = 0.8, 0.9, 0.92, 0.02


class BPRMF(nn.Module):
    def __init__(self):
        super().__init__()
        self.users = nn.Embedding(N_USERS, K)
        self.items = nn.Embedding(N_ITEMS, K)
        self.item_bias = nn.Embedding(N_ITEMS, 1)

    def forward(self, X):
        u, i, j = X[:, 0], X[:, 1], X[:, 2]
        pu = self.users(u)
        s_pos = (pu * self.items(i)).sum(-1) + self.item_bias(i).squeeze(-1)
        s_neg = (pu * self.items(j)).sum(-1) + self.item_bias(j).squeeze(-1)
        return s_pos, s_neg


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)
    scheduler = lr_scheduler.LambdaLR(optimizer, lambda t: GAMMA ** t)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    s_pos, s_neg = model(X)
    bpr = -(y * F.logsigmoid(s_pos - s_neg)).sum() / y.sum()
    rows = model.users(X[:, 0]), model.items(X[:, 1]), model.items(X[:, 2])
    reg = sum(r.pow(2).sum() for r in rows)
    loss = bpr + 0.5 * LAM / len(y) * reg
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
