"""BiasedMF in PyTorch: nn.Embedding tables for the user and item factors, bias vectors as
parameters, the global mean as a constant; MSE plus the L2 penalty on the factors, SGD."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

MU = float(np.load(Path(__file__).with_name("ratings.npz"))["y"].mean())
LR, REG = 0.1, 0.1


class BiasedMF(nn.Module):
    def __init__(self, n_users=12, n_items=15, k=3):
        super().__init__()
        self.P = nn.Embedding(n_users, k)
        self.Q = nn.Embedding(n_items, k)
        self.user_bias = nn.Parameter(torch.zeros(n_users))
        self.item_bias = nn.Parameter(torch.zeros(n_items))

    def forward(self, u, i):
        return MU + self.user_bias[u] + self.item_bias[i] + (self.P(u) * self.Q(i)).sum(dim=1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    u, i = X[:, 0], X[:, 1]
    optimizer.zero_grad()
    loss = F.mse_loss(model(u, i), y[:, 0])
    loss = loss + REG * (model.P.weight.pow(2).sum() + model.Q.weight.pow(2).sum()) / len(u)   # fix: loss = loss + REG * (model.P(u).pow(2).sum() + model.Q(i).pow(2).sum()) / len(u)
    loss.backward()
    optimizer.step()
    return loss.item()
