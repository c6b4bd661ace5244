"""CitationSAGE in PyTorch: the in-neighbour mean operator D_in^-1 A^T as a buffer (the column
sums of the adjacency are the in-degrees), a root nn.Linear with the bias and a neighbour
nn.Linear without, ReLU, an nn.Linear head, F.cross_entropy, SGD with momentum."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

GRAPH = np.load(Path(__file__).with_name("citations.npz"))
LR, MU = 0.1, 0.9


class CitationSAGE(nn.Module):
    def __init__(self, n_in=4, hidden=6, n_out=2):
        super().__init__()
        n = len(GRAPH["X"])
        adj = torch.zeros(n, n)
        edges = torch.from_numpy(GRAPH["edges"])
        adj[edges[:, 0], edges[:, 1]] = 1.0
        in_degree = adj.sum(dim=0)
        self.register_buffer("P", adj.t() / in_degree.unsqueeze(1))
        self.root = nn.Linear(n_in, hidden)
        self.neigh = nn.Linear(n_in, hidden, bias=False)
        self.head = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.head(torch.relu(self.root(x) + self.neigh(self.P @ x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
