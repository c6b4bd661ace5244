"""Correct variant of sage_torch.py: one module holding its weights in an nn.ParameterDict in
the NumPy layout (in, out), the neighbour mean computed from an edge list with index_add_
(sum of messages over incoming edges divided by the degree), ELU written with torch.where and
expm1, and the loss as a masked sum divided by the number of training nodes.

Parameters: params.Ws1, params.Wn1, params.b1, params.Ws2, params.Wn2, params.b2.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

GRAPH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sage_graph.npz")


class EdgeSAGE(nn.Module):
    def __init__(self, n_feat=8, n_hidden=12, n_class=4, p=0.3):
        super().__init__()
        g = np.load(GRAPH)
        dst, src = np.nonzero(g["A"])
        self.register_buffer("src", torch.from_numpy(src))
        self.register_buffer("dst", torch.from_numpy(dst))
        self.register_buffer("deg", torch.from_numpy(g["A"].sum(1)).float())
        self.register_buffer("train_mask", torch.from_numpy(g["train_mask"]).float())
        self.register_buffer("masks", torch.from_numpy(g["hid_masks"]).float() / (1 - p))
        shapes = {"Ws1": (n_feat, n_hidden), "Wn1": (n_feat, n_hidden), "b1": (n_hidden,),
                  "Ws2": (n_hidden, n_class), "Wn2": (n_hidden, n_class), "b2": (n_class,)}
        self.params = nn.ParameterDict({k: nn.Parameter(0.1 * torch.randn(s))
                                        for k, s in shapes.items()})
        self.calls = 0

    def mean_neighbours(self, h):
        out = torch.zeros_like(h).index_add_(0, self.dst, h[self.src])
        return out / self.deg.to(h.dtype).unsqueeze(1)

    def layer(self, h, i):
        P = self.params
        return h @ P[f"Ws{i}"] + self.mean_neighbours(h) @ P[f"Wn{i}"] + P[f"b{i}"]

    def forward(self, x):
        z = self.layer(x, 1)
        h = torch.where(z > 0, z, torch.expm1(z.clamp(max=0)))
        h = h * self.masks[self.calls % 3]
        return self.layer(h, 2)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    per_node = F.cross_entropy(model(X), y, reduction="none")
    loss = (per_node * model.train_mask).sum() / model.train_mask.sum()
    loss.backward()
    optimizer.step()
    model.calls += 1
    return loss.item()
