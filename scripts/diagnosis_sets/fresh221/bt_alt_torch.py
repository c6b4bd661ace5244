"""PyTorch port of the Barlow Twins network, in the style of the reference implementation:
the embeddings standardised by nn.BatchNorm1d(affine=False) in training mode (batch mean,
biased variance, eps 1e-5), the cross-correlation divided in place, the on-diagonal term
taken on a diagonal view with add_(-1).pow_(2) and the off-diagonal entries gathered by the
flatten trick.

    backbone.0 = Linear(10, 24), backbone.2 = Linear(24, 16), projector = Linear(16, 12, bias=False)
"""

import torch
import torch.nn as nn


def off_diagonal(x):
    n, m = x.shape
    assert n == m
    return x.flatten()[:-1].view(n - 1, n + 1)[:, 1:].flatten()


class BarlowTwinsBN(nn.Module):
    def __init__(self, lambd=0.05):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(10, 24), nn.ReLU(), nn.Linear(24, 16), nn.ReLU())
        self.projector = nn.Linear(16, 12, bias=False)
        self.bn = nn.BatchNorm1d(12, affine=False)
        self.lambd = lambd

    def forward(self, y1, y2):
        z1 = self.projector(self.backbone(y1))
        z2 = self.projector(self.backbone(y2))
        c = self.bn(z1).T @ self.bn(z2)
        c.div_(y1.shape[0])
        on_diag = torch.diagonal(c).add_(-1).pow_(2).sum()
        off_diag = off_diagonal(c).pow_(2).sum()
        return on_diag + self.lambd * off_diag


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = model(X[:, 0], X[:, 1])
    loss.backward()
    optimizer.step()
    return loss.item()
