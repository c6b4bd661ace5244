"""The GraphSAGE port written another way: message passing over an edge list.

The neighbour mean is a scatter: messages x[src] summed into their destination with
index_add_ and divided by the in-degree (torch.bincount). Two nn.Linear maps held directly
by the model (lin1, lin2) on the concatenation [self, neighbour mean]. The loss is the
mean of the per-node cross-entropy over the labelled nodes' indices.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sage.npz")


def scatter_mean(x, src, dst, deg):
    out = torch.zeros_like(x)
    out.index_add_(0, dst, x[src])
    return out / deg.unsqueeze(1).to(x.dtype)


class SAGEAlt(nn.Module):
    def __init__(self, n_in=6, hidden=16, classes=4):
        super().__init__()
        g = np.load(DATA)
        self.register_buffer("src", torch.from_numpy(g["src"]))
        self.register_buffer("dst", torch.from_numpy(g["dst"]))
        self.register_buffer("deg", torch.bincount(self.dst, minlength=g["A"].shape[0]))
        self.register_buffer("labelled", torch.from_numpy(np.flatnonzero(g["train_mask"])))
        self.lin1 = nn.Linear(2 * n_in, hidden)
        self.lin2 = nn.Linear(2 * hidden, classes)

    def forward(self, x):
        agg = scatter_mean(x, self.src, self.dst, self.deg)
        h = torch.relu(self.lin1(torch.cat((x, agg), dim=-1)))
        agg = scatter_mean(h, self.src, self.dst, self.deg)
        return self.lin2(torch.cat((h, agg), dim=-1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, dampening=0.0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logits = model(X)
    per_node = F.cross_entropy(logits, y, reduction="none")
    loss = per_node.index_select(0, model.labelled).mean()
    loss.backward()
    optimizer.step()
    return float(loss)
