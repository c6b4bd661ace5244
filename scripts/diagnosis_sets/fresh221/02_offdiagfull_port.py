"""PyTorch port of bt_numpy.py (Barlow Twins).

    enc1.weight (24, 10) = W1.T, enc1.bias = b1
    enc2.weight (16, 24) = W2.T, enc2.bias = b2
    proj.weight (12, 16) = W3.T (no bias)

torch.optim.SGD(lr=0.05, momentum=0.9).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class BarlowTwins(nn.Module):
    def __init__(self, d_in=10, hidden=24, rep=16, proj=12, lam=0.05, eps=1e-5):
        super().__init__()
        self.enc1 = nn.Linear(d_in, hidden)
        self.enc2 = nn.Linear(hidden, rep)
        self.proj = nn.Linear(rep, proj, bias=False)
        self.lam = lam
        self.eps = eps

    def forward(self, x):
        h = F.relu(self.enc1(x))
        h = F.relu(self.enc2(h))
        return self.proj(h)

    def standardise(self, z):
        return (z - z.mean(dim=0)) / torch.sqrt(z.var(dim=0, unbiased=False) + self.eps)

    def loss(self, X):
        xa, xb = X[:, 0], X[:, 1]
        za = self.standardise(self(xa))
        zb = self.standardise(self(xb))
        c = za.T @ zb / xa.shape[0]
        diag = torch.diagonal(c)
        on_diag = (1 - diag).pow(2).sum()
        off_diag = c.pow(2).sum()
        return on_diag + self.lam * off_diag


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.loss(X)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bt.npz"))
    X = torch.from_numpy(data["X"])
    model = BarlowTwins()
    opt = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, opt, X, None)
        if step % 10 == 0:
            print(step, loss)
