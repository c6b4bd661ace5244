"""MomentumMF in PyTorch: nn.Embedding factor tables, nn.Embedding(n, 1) bias tables read with
squeeze, the global mean as a constant, MSE, SGD with momentum 0.9."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

MU = float(np.load(Path(__file__).with_name("ratings.npz"))["y"].mean())
LR, MOMENTUM = 0.05, 0.9


class MomentumMF(nn.Module):
    def __init__(self, n_users=12, n_items=15, k=4):
        super().__init__()
        self.user_factors = nn.Embedding(n_users, k)
        self.item_factors = nn.Embedding(n_items, k)
        self.user_bias = nn.Embedding(n_users, 1)
        self.item_bias = nn.Embedding(n_items, 1)

    def forward(self, users, items):
        dot = (self.user_factors(users) * self.item_factors(items)).sum(dim=1)
        return MU + self.user_bias(users).squeeze(1) + self.item_bias(items).squeeze(1) + dot


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X[:, 0], X[:, 1]), y.squeeze(1))
    loss.backward()
    optimizer.step()
    return loss.item()
