"""PyTorch port of gcn_numpy.py, pygcn style: GraphConvolution layers with weight (in, out),
a sparse normalised adjacency and torch.sparse.mm.

Parameters: gc1.weight (10, 16) = W1, gc1.bias = b1, gc2.weight (16, 3) = W2, gc2.bias = b2.
Adam with weight_decay 5e-4 on the first layer's parameter group only.
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

GRAPH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gcn_graph.npz")


def sparse_normalized_adjacency(A):
    A = torch.as_tensor(A, dtype=torch.float32)
    A_tilde = A
    d_inv_sqrt = A_tilde.sum(1).pow(-0.5)
    Ahat = d_inv_sqrt[:, None] * A_tilde * d_inv_sqrt[None, :]
    return Ahat.to_sparse()


class GraphConvolution(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(in_features, out_features))
        self.bias = nn.Parameter(torch.empty(out_features))
        stdv = 1.0 / math.sqrt(out_features)
        nn.init.uniform_(self.weight, -stdv, stdv)
        nn.init.uniform_(self.bias, -stdv, stdv)

    def forward(self, x, adj):
        support = x @ self.weight
        return torch.sparse.mm(adj.to(support.dtype), support) + self.bias


class GCN(nn.Module):
    def __init__(self, n_feat=10, n_hidden=16, n_class=3, p_in=0.2, p_hid=0.5):
        super().__init__()
        g = np.load(GRAPH)
        self.adj = sparse_normalized_adjacency(g["A"])
        self.register_buffer("train_mask", torch.from_numpy(g["train_mask"]))
        self.register_buffer("in_masks", torch.from_numpy(g["in_masks"]))
        self.register_buffer("hid_masks", torch.from_numpy(g["hid_masks"]))
        self.p_in, self.p_hid = p_in, p_hid
        self.gc1 = GraphConvolution(n_feat, n_hidden)
        self.gc2 = GraphConvolution(n_hidden, n_class)
        self.steps_done = 0

    def forward(self, x):
        k = self.steps_done % self.in_masks.shape[0]
        x = x * self.in_masks[k] / (1 - self.p_in)
        h = F.relu(self.gc1(x, self.adj))
        h = h * self.hid_masks[k] / (1 - self.p_hid)
        return self.gc2(h, self.adj)


def make_optimizer(model, lr=0.01, weight_decay=5e-4):
    return torch.optim.Adam([
        {"params": model.gc1.parameters(), "weight_decay": weight_decay},
        {"params": model.gc2.parameters(), "weight_decay": 0.0},
    ], lr=lr)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    output = model(X)
    loss = F.cross_entropy(output[model.train_mask], y[model.train_mask])
    loss.backward()
    optimizer.step()
    model.steps_done += 1
    return loss.item()
