"""PyTorch port of asgd_numpy.py: nn.Sequential(Linear(6, 16), Tanh, Linear(16, 1)),
F.mse_loss, torch.optim.ASGD(lr=0.1, lambd=0.1, alpha=0.75, t0=8).

    net.0.weight = W1.T   net.0.bias = b1   net.2.weight = W2.T   net.2.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ASGDRegressor(nn.Module):
    def __init__(self, n_in=6, n_hidden=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Tanh(), nn.Linear(n_hidden, 1))

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.ASGD(model.parameters(), lr=0.1, alpha=0.75, t0=8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
