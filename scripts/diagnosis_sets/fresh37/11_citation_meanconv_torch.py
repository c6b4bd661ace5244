"""CitationMeanConv in PyTorch: the in-neighbour mean operator as a buffer, two nn.Linear layers
applied after the propagation, tanh, F.cross_entropy, SGD; autograd does the backward pass."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

GRAPH = np.load(Path(__file__).with_name("citations.npz"))
LR = 0.2


class CitationMeanConv(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_out=2):
        super().__init__()
        n = len(GRAPH["X"])
        adj = torch.zeros(n, n)
        edges = torch.from_numpy(GRAPH["edges"])
        adj[edges[:, 0], edges[:, 1]] = 1.0
        self.register_buffer("P", adj.t() / adj.t().sum(dim=1, keepdim=True))
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        h = torch.tanh(self.fc1(self.P @ x))
        return self.fc2(self.P @ h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
