"""PyTorch port of nce_numpy.py written by hand: raw nn.Parameters in the NumPy layouts
(W1 (in, hidden), W2 (hidden, 1)), softplus via logaddexp, the loss as binary cross-entropy with
logits on data (label 1) and noise (label 0), each half averaged separately."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class EnergyNet(nn.Module):
    def __init__(self, n_in=4, hidden=24):
        super().__init__()
        self.W1 = nn.Parameter(torch.zeros(n_in, hidden))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.zeros(hidden, 1))
        self.c = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        z = x @ self.W1 + self.b1
        h = torch.logaddexp(z, torch.zeros_like(z))
        return (h @ self.W2)[:, 0]


def log_q(x):
    var = 4.0
    return -(x * x).sum(1) / (2 * var) - 0.5 * x.shape[1] * math.log(2 * math.pi * var)


def make_optimizer(model):
    return torch.optim.Adam([model.W1, model.b1, model.W2, model.c], lr=0.01, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    G = lambda x: model.c - model(x) - log_q(x)
    gd, gn = G(X), G(y)
    loss = (F.binary_cross_entropy_with_logits(gd, torch.ones_like(gd))
            + F.binary_cross_entropy_with_logits(gn, torch.zeros_like(gn)))
    loss.backward()
    optimizer.step()
    return float(loss)
