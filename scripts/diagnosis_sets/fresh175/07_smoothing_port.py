"""PyTorch port of sage_numpy.py: SAGEConv-style layers (PyG convention: lin_l on the mean of
the neighbours, with the bias; lin_r on the node itself, no bias), a dense row-normalised
adjacency, F.elu, fixed dropout masks, cross-entropy over the training nodes.

Parameters: conv1.lin_l.weight = Wn1.T, conv1.lin_l.bias = b1, conv1.lin_r.weight = Ws1.T,
and the same for conv2. torch.optim.SGD(lr=0.1, momentum=0.9, weight_decay=1e-3).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

GRAPH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sage_graph.npz")


class SAGEConv(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.lin_l = nn.Linear(in_channels, out_channels)
        self.lin_r = nn.Linear(in_channels, out_channels, bias=False)

    def forward(self, x, adj_mean):
        aggr = adj_mean.to(x.dtype) @ x
        return self.lin_l(aggr) + self.lin_r(x)


class GraphSAGE(nn.Module):
    def __init__(self, n_feat=8, n_hidden=12, n_class=4, p=0.3):
        super().__init__()
        g = np.load(GRAPH)
        A = torch.from_numpy(g["A"]).float()
        self.register_buffer("adj_mean", A / A.sum(dim=1, keepdim=True))
        self.register_buffer("train_mask", torch.from_numpy(g["train_mask"]))
        self.register_buffer("drop_masks", torch.from_numpy(g["hid_masks"]))
        self.p = p
        self.conv1 = SAGEConv(n_feat, n_hidden)
        self.conv2 = SAGEConv(n_hidden, n_class)
        self.step = 0

    def forward(self, x):
        h = F.elu(self.conv1(x, self.adj_mean))
        mask = self.drop_masks[self.step % self.drop_masks.shape[0]]
        h = h * mask / (1 - self.p)
        return self.conv2(h, self.adj_mean)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = F.cross_entropy(out[model.train_mask], y[model.train_mask], label_smoothing=0.1)
    loss.backward()
    optimizer.step()
    model.step += 1
    return loss.item()
