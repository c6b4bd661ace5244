"""PyTorch port of kan_cls_numpy.py: an RBF-KAN classifier on a fixed grid, AdamW.

    layers.{0,1}.spline_weight  (d_in, G, d_out)  = S{l}
    layers.{0,1}.base.weight    (d_out, d_in)     = W{l}.T
    layers.{0,1}.base.bias      (d_out,)          = b{l}
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class RBFKANLayer(nn.Module):
    def __init__(self, d_in, d_out, num_grids=8, grid_range=(-2.0, 2.0)):
        super().__init__()
        lo, hi = grid_range
        self.register_buffer("grid", torch.linspace(lo, hi, num_grids))
        self.h = (hi - lo) / (num_grids - 1)
        self.spline_weight = nn.Parameter(torch.randn(d_in, num_grids, d_out) * 0.1)
        self.base = nn.Linear(d_in, d_out)

    def forward(self, x):
        phi = torch.exp(-((x.detach().unsqueeze(-1) - self.grid) / self.h) ** 2)
        return torch.einsum("nik,iko->no", phi, self.spline_weight) + self.base(F.silu(x))


class RBFKANClassifier(nn.Module):
    def __init__(self, sizes=(5, 10, 3)):
        super().__init__()
        self.layers = nn.ModuleList(RBFKANLayer(i, o) for i, o in zip(sizes[:-1], sizes[1:]))

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=1e-2, betas=(0.9, 0.999), eps=1e-8,
                             weight_decay=1e-2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
