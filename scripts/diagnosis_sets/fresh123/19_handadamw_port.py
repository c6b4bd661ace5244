"""PyTorch port of edgegcn_numpy.py with a sparse normalised adjacency and its own AdamW.

The edge list (reverse edges and self-loops added) becomes a sparse COO matrix
A_hat[dst, src] = deg(src)^-1/2 deg(dst)^-1/2, and propagation is
torch.sparse.mm(A_hat, h). Inverted dropout with the fixed masks of
edges.npz. The optimizer is written by hand as a torch.optim.Optimizer
subclass: AdamW with decoupled weight decay 0.05, as the NumPy program.

Parameters: lin1.weight = W1.T, b1 = b1, lin2.weight = W2.T, b2 = b2.
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class MyAdamW(torch.optim.Optimizer):
    def __init__(self, params, lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, (beta1, beta2), eps, wd = group["lr"], group["betas"], group["eps"], group["weight_decay"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                t = state["step"]
                g = p.grad
                p.mul_(1 - lr * wd)
                state["exp_avg"].mul_(beta1).add_(g, alpha=1 - beta1)
                state["exp_avg_sq"].mul_(beta2).addcmul_(g, g, value=1 - beta2)
                m_hat = state["exp_avg"] / (1 - beta1 ** t)
                v_hat = state["exp_avg_sq"] / (1 - beta2 ** t)
                p.sub_(lr * m_hat / (v_hat.sqrt() + eps))


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
        deg = torch.zeros(n_nodes).index_add_(0, dst, torch.ones(len(dst)))
        values = deg[src].rsqrt() * deg[dst].rsqrt()
        self.A_hat = torch.sparse_coo_tensor(torch.stack([dst, src]), values,
                                             (n_nodes, n_nodes), check_invariants=True).coalesce()
        self.train_mask = torch.from_numpy(data["train_mask"])
        self.drop_masks = torch.from_numpy(data["drop_masks"])
        self.keep = 1 - p_drop
        self.step_count = 0
        self.lin1 = nn.Linear(n_features, hidden, bias=False)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.lin2 = nn.Linear(hidden, n_classes, bias=False)
        self.b2 = nn.Parameter(torch.zeros(n_classes))

    def forward(self, x):
        A_hat = self.A_hat.to(x.dtype)
        h = torch.relu(torch.sparse.mm(A_hat, self.lin1(x)) + self.b1)
        mask = self.drop_masks[self.step_count % self.drop_masks.shape[0]]
        h = torch.where(mask, h / self.keep, torch.zeros_like(h))
        return torch.sparse.mm(A_hat, self.lin2(h)) + self.b2


def make_optimizer(model):
    return MyAdamW(model.parameters(), lr=0.01, weight_decay=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits[model.train_mask], y[model.train_mask])
    loss.backward()
    optimizer.step()
    model.step_count += 1
    return loss.item()
