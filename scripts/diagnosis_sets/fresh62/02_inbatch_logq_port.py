"""InBatchTwoTower in PyTorch: two nn.Embedding tables, the in-batch score matrix u @ v.T / TAU
with the log-Q correction subtracted and the item bias added per column, F.cross_entropy against
the diagonal, SGD."""

import math

import torch
import torch.nn.functional as F
from torch import nn

N_USERS, N_ITEMS, DIM, TAU, LR = 12, 10, 4, 0.5, 0.5
ITEM_COUNTS = [9, 7, 6, 5, 4, 3, 3, 2, 2, 1]
LOG_Q = torch.tensor([math.log(c / sum(ITEM_COUNTS)) for c in ITEM_COUNTS])


class InBatchTwoTower(nn.Module):
    def __init__(self):
        super().__init__()
        self.user = nn.Embedding(N_USERS, DIM)
        self.item = nn.Embedding(N_ITEMS, DIM)
        self.item_bias = nn.Parameter(torch.zeros(N_ITEMS))

    def forward(self, users, items):
        u, v = self.user(users), self.item(items)
        logq = LOG_Q.to(u.dtype)[items]
        bias = self.item_bias[items].unsqueeze(0)
        return u @ v.T / TAU + logq.unsqueeze(0) + bias  # fix: return u @ v.T / TAU - logq.unsqueeze(0) + bias


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    scores = model(X[:, 0], X[:, 1])
    labels = torch.arange(len(X))
    loss = F.cross_entropy(scores, labels)
    loss.backward()
    optimizer.step()
    return loss.item()
