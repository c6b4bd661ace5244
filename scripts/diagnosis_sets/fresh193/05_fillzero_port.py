"""PyTorch port of attn_numpy.py: attention pooling over a padded set with a learned query.

phi = Linear(4, 16) + tanh; scores e @ query / sqrt(16), masked with -inf; softmax over the set;
weighted sum; rho = Linear(16, 8) + tanh -> Linear(8, 1). BCE with logits, SGD(lr 0.5,
weight_decay 1e-3).
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class AttnPool(nn.Module):
    def __init__(self, d_in=4, hidden=16, rho_hidden=8):
        super().__init__()
        self.phi = nn.Linear(d_in, hidden)
        self.query = nn.Parameter(torch.randn(hidden))
        self.rho = nn.Linear(hidden, rho_hidden)
        self.out = nn.Linear(rho_hidden, 1)

    def forward(self, X):
        x, mask = X[..., :-1], X[..., -1]
        e = torch.tanh(self.phi(x))
        scores = (e @ self.query) / math.sqrt(e.shape[-1])
        scores = scores.masked_fill(mask == 0, 0.0)
        attn = torch.softmax(scores, dim=1)
        pooled = (attn.unsqueeze(-1) * e).sum(dim=1)
        return self.out(torch.tanh(self.rho(pooled))).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
