"""PyTorch port of mix6_numpy.py: 4 affine couplings on 6-D data, each followed by a fixed
permutation (the same np.random.default_rng(7) permutations), torch.optim.AdamW.

    flows.{i}.fc1.weight = c{i}_W1.T   flows.{i}.fc1.bias = c{i}_b1
    flows.{i}.fc2.weight = c{i}_W2.T   flows.{i}.fc2.bias = c{i}_b2
"""

import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Coupling(nn.Module):
    def __init__(self, dim, hidden, perm):
        super().__init__()
        self.d = dim // 2
        self.fc1 = nn.Linear(self.d, hidden)
        self.fc2 = nn.Linear(hidden, 2 * (dim - self.d))
        self.register_buffer("perm", torch.as_tensor(perm, dtype=torch.long))

    def forward(self, x):
        xa, xb = x[:, :self.d], x[:, self.d:]
        h = F.leaky_relu(self.fc1(xa), 0.1)
        r, t = self.fc2(h).chunk(2, dim=1)
        s = torch.tanh(r)
        y = torch.cat([xa, xb * torch.exp(s) + t], dim=1)
        return y[:, self.perm], s.sum(dim=1)


class Mix6Flow(nn.Module):
    def __init__(self, dim=6, hidden=32, n_layers=4):
        super().__init__()
        self.dim = dim
        rng = np.random.default_rng(7)
        self.flows = nn.ModuleList([Coupling(dim, hidden, rng.permutation(dim))
                                    for _ in range(n_layers)])

    def log_prob(self, x):
        logdet = 0
        for f in self.flows:
            x, ld = f(x)
            logdet = logdet + ld
        log_pz = -0.5 * (x ** 2).sum(dim=1) - 0.5 * self.dim * math.log(2 * math.pi)
        return log_pz + logdet


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=5e-3, betas=(0.9, 0.999), eps=1e-8,
                             weight_decay=1e-2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = -model.log_prob(X).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
