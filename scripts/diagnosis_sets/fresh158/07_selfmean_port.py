"""fresh158 case UB07 (see fresh158_cases.py).

PyTorch port of sage_numpy.py: two GraphSAGE mean-aggregator layers.

SAGELayer: h' = Linear(cat([h, mean over neighbours of h])); the neighbour mean as
a dense row-normalised adjacency (a buffer). Cross-entropy over the training mask,
torch.optim.SGD(lr=0.05, momentum=0.9).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sage.npz")


class SAGELayer(nn.Module):
    def __init__(self, in_dim, out_dim):
        super().__init__()
        self.lin = nn.Linear(2 * in_dim, out_dim)

    def forward(self, h, mean_adj):
        neigh = mean_adj @ h
        return self.lin(torch.cat([h, neigh], dim=1))


class GraphSAGE(nn.Module):
    def __init__(self, n_in=6, hidden=16, classes=4):
        super().__init__()
        data = np.load(DATA)
        A = torch.tensor(data["A"], dtype=torch.float32)
        A = A + torch.eye(A.shape[0])
        deg = A.sum(dim=1, keepdim=True)
        self.register_buffer("mean_adj", A / deg)
        self.register_buffer("train_mask", torch.from_numpy(data["train_mask"]))
        self.sage1 = SAGELayer(n_in, hidden)
        self.sage2 = SAGELayer(hidden, classes)

    def forward(self, x):
        h = F.relu(self.sage1(x, self.mean_adj))
        return self.sage2(h, self.mean_adj)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits[model.train_mask], y[model.train_mask])
    loss.backward()
    optimizer.step()
    return loss.item()
