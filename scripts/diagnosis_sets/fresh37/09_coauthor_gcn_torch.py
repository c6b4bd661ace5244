"""PaperGCN in PyTorch: D^-1/2 (A + I) D^-1/2 as a buffer, two graph convolutions (a bias-free
nn.Linear, the product with the normalised adjacency, then the bias), ReLU, MSE, SGD with
momentum 0.9."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

GRAPH = np.load(Path(__file__).with_name("coauthor.npz"))
LR, MU = 0.05, 0.9


class GraphConv(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_in, n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))
        nn.init.xavier_uniform_(self.weight)

    def forward(self, x, a_norm):
        return a_norm @ (x @ self.weight) + self.bias


class PaperGCN(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        n = len(GRAPH["X"])
        a = torch.zeros(n, n)
        a[tuple(torch.from_numpy(GRAPH["edges"]).T)] = 1.0
        a_tilde = a + a.T + torch.eye(n)
        d_inv_sqrt = torch.diag(a_tilde.sum(dim=1).pow(-0.5))
        self.register_buffer("a_norm", d_inv_sqrt @ a_tilde @ d_inv_sqrt)
        self.gc1 = GraphConv(n_in, hidden)
        self.gc2 = GraphConv(hidden, 1)

    def forward(self, x):
        return self.gc2(torch.relu(self.gc1(x, self.a_norm)), self.a_norm)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
