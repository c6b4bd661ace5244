"""EdgeGCN in PyTorch with a sparse normalised adjacency: torch.sparse_coo_tensor over the edge
list with self-loops, the degrees from torch.sparse.sum, the values rescaled to
D^-1/2 (A + I) D^-1/2 and kept dense as a buffer; each layer torch.sparse.mm(S, X W) + b through
an nn.Linear without bias and a separate bias; ReLU, F.cross_entropy, Adam."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

GRAPH = np.load(Path(__file__).with_name("club.npz"))
LR = 0.05


def normalised_adjacency(edges, n):
    loops = torch.arange(n).repeat(2, 1)
    index = torch.cat([edges.T, edges.T.flip(0), loops], dim=1)
    adj = torch.sparse_coo_tensor(index, torch.ones(index.shape[1]), (n, n)).coalesce()
    deg = torch.sparse.sum(adj, dim=1).to_dense()
    row, col = adj.indices()
    values = adj.values() * deg[row].rsqrt() * deg[col].rsqrt()
    return torch.sparse_coo_tensor(adj.indices(), values, (n, n)).to_dense()


class EdgeGCN(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_out=3):
        super().__init__()
        self.register_buffer("S", normalised_adjacency(torch.from_numpy(GRAPH["edges"]), len(GRAPH["X"])))
        self.lin1, self.b1 = nn.Linear(n_in, hidden, bias=False), nn.Parameter(torch.zeros(hidden))
        self.lin2, self.b2 = nn.Linear(hidden, n_out, bias=False), nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        s = self.S.to_sparse()
        h = F.relu(torch.sparse.mm(s, self.lin1(x)) + self.b1)
        return torch.sparse.mm(s, self.lin2(h)) + self.b2


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
