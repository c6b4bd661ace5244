"""fresh158 case UB04 (see fresh158_cases.py).

PyTorch port of gcn_numpy.py: a two-layer GCN in the style of Kipf's pygcn.

GraphConvolution keeps its weight (in_features, out_features) and computes adj @ (x @ W) + b;
the normalised adjacency D^-1/2 (A + I) D^-1/2 is a buffer. Cross-entropy over the training
mask; Adam with weight_decay 5e-4 on the first layer's parameter group only.
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gcn.npz")


class GraphConvolution(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(in_features, out_features))
        self.bias = nn.Parameter(torch.zeros(out_features))
        r = math.sqrt(6.0 / (in_features + out_features))
        nn.init.uniform_(self.weight, -r, r)

    def forward(self, x, adj):
        support = x @ self.weight
        return adj @ support + self.bias


class GCN(nn.Module):
    def __init__(self, n_in=10, n_hidden=16, n_out=3):
        super().__init__()
        data = np.load(DATA)
        A = torch.from_numpy(data["A"])
        A_tilde = A + torch.eye(A.shape[0], dtype=A.dtype)
        d_inv_sqrt = A_tilde.sum(dim=1).pow(-0.5)
        adj = d_inv_sqrt.unsqueeze(1) * A_tilde * d_inv_sqrt.unsqueeze(0)
        self.register_buffer("adj", adj.float())
        self.register_buffer("train_mask", torch.from_numpy(data["train_mask"]))
        self.gc1 = GraphConvolution(n_in, n_hidden)
        self.gc2 = GraphConvolution(n_hidden, n_out)

    def forward(self, x):
        h = F.relu(self.gc1(x, self.adj))
        return self.gc2(h, self.adj)


def make_optimizer(model, lr=0.01, weight_decay=5e-4):
    return torch.optim.Adam([
        {"params": model.gc1.parameters(), "weight_decay": weight_decay},
        {"params": model.gc2.parameters(), "weight_decay": 0.0},
    ], lr=lr, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = F.cross_entropy(out[model.train_mask], y[model.train_mask], reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
