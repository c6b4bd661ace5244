"""PyTorch port of gat_numpy.py, written head by head from the paper's formula.

Each head scores every pair with a_k . [Wh_i || Wh_j], built as an explicit
(N, N, 2F') concatenation, then leaky_relu(0.2), -inf outside the
neighbourhood (self-loops included) and softmax over j. W is an nn.Linear
without bias; layer 1 concatenates its 2 heads (then ELU), layer 2 averages its 2.
F.cross_entropy on the training nodes; torch.optim.Adam(lr=0.01, weight_decay=5e-3).

Parameters: layer1.lin.weight = W1.T, layer1.att = a1, layer1.bias = b1,
            layer2.lin.weight = W2.T, layer2.att = a2, layer2.bias = b2.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class GraphAttention(nn.Module):
    def __init__(self, in_dim, out_dim, heads, concat):
        super().__init__()
        self.out_dim, self.heads, self.concat = out_dim, heads, concat
        self.lin = nn.Linear(in_dim, heads * out_dim, bias=False)
        self.att = nn.Parameter(torch.randn(heads, 2 * out_dim) * 0.1)
        self.bias = nn.Parameter(torch.zeros(heads * out_dim if concat else out_dim))

    def forward(self, x, adj):
        N = x.shape[0]
        wh = self.lin(x).view(N, self.heads, self.out_dim)
        head_outputs = []
        for k in range(self.heads):
            h = wh[:, k, :]                                        # (N, F')
            pairs = torch.cat([h.unsqueeze(1).expand(N, N, self.out_dim),
                               h.unsqueeze(0).expand(N, N, self.out_dim)], dim=-1)
            scores = F.leaky_relu(pairs @ self.att[k], 0.2)        # (N, N)
            scores = torch.where(adj, scores, torch.full_like(scores, float("-inf")))
            alpha = F.softmax(scores, dim=1)
            head_outputs.append(alpha @ h)
        if self.concat:
            out = torch.cat(head_outputs, dim=1)
        else:
            out = torch.stack(head_outputs, dim=0).mean(dim=0)
        return out + self.bias


class GAT(nn.Module):
    def __init__(self, graph=os.path.join(HERE, "gat.npz"), hidden=8, heads=2, out_heads=2):
        super().__init__()
        data = np.load(graph)
        A = torch.from_numpy(data["A"]).bool()
        self.register_buffer("adj", A | torch.eye(A.shape[0], dtype=torch.bool))
        self.register_buffer("train_mask", torch.from_numpy(data["train_mask"]))
        n_features = data["X"].shape[1]
        n_classes = int(data["y"].max()) + 1
        self.layer1 = GraphAttention(n_features, hidden, heads, concat=True)
        self.layer2 = GraphAttention(heads * hidden, n_classes, out_heads, concat=False)

    def forward(self, x):
        return self.layer2(F.elu(self.layer1(x, self.adj)), self.adj)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=5e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    mask = model.train_mask
    loss = F.cross_entropy(model(X)[mask], y[mask])
    loss.backward()
    optimizer.step()
    return loss.item()
