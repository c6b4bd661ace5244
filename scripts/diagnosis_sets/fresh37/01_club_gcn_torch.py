"""ClubGCN in PyTorch: the normalised adjacency as a buffer, two graph convolutions (a bias-free
nn.Linear, the product with S, then the bias), ReLU, F.cross_entropy, SGD with momentum 0.9."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

GRAPH = np.load(Path(__file__).with_name("club.npz"))
LR, MU = 0.2, 0.9


class ClubGCN(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_out=3):
        super().__init__()
        n = len(GRAPH["X"])
        edges = torch.from_numpy(GRAPH["edges"])
        adj = torch.zeros(n, n)
        adj[edges[:, 0], edges[:, 1]] = 1.0
        adj[edges[:, 1], edges[:, 0]] = 1.0
        adj_hat = adj + torch.eye(n)
        deg = adj.sum(dim=1)   # fix: deg = adj_hat.sum(dim=1)
        d_inv_sqrt = deg.pow(-0.5)
        self.register_buffer("S", d_inv_sqrt[:, None] * adj_hat * d_inv_sqrt[None, :])
        self.lin1 = nn.Linear(n_in, hidden, bias=False)
        self.bias1 = nn.Parameter(torch.zeros(hidden))
        self.lin2 = nn.Linear(hidden, n_out, bias=False)
        self.bias2 = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        h = torch.relu(self.S @ self.lin1(x) + self.bias1)
        return self.S @ self.lin2(h) + self.bias2


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
