"""Bug: a kept block's output is not scaled by 1/p_survive.

PyTorch port of b_numpy.py: residual MLP with stochastic depth and inverted dropout, Adam.

stem.weight (6, 4) = Win.T, stem.bias = bin, blocks[k].weight (6, 6) = Wk.T,
blocks[k].bias = bk, head.weight (1, 6) = Wout.T, head.bias = bout.
The dropout mask and survival draws of step model.t come from b.npz.
F.mse_loss (mean) on the (N,) output, torch.optim.Adam(lr=0.01).
"""
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class ResidualSDNet(nn.Module):
    def __init__(self, data=os.path.join(HERE, "b.npz"), n_in=4, width=6, drop_keep=0.75,
                 p_survive=(0.8, 0.6)):
        super().__init__()
        d = np.load(data)
        self.drop_mask = torch.from_numpy(d["drop_mask"])
        self.survive = torch.from_numpy(d["survive"])
        self.stem = nn.Linear(n_in, width)
        self.blocks = nn.ModuleList([nn.Linear(width, width) for _ in range(2)])
        self.head = nn.Linear(width, 1)
        self.drop_keep = drop_keep
        self.p_survive = p_survive
        self.t = 0

    def forward(self, X):
        D = self.drop_mask[self.t].to(X.dtype)
        s = self.survive[self.t].to(X.dtype)
        z = F.relu(self.stem(X)) * D / self.drop_keep
        for k, block in enumerate(self.blocks):
            # a dropped block still runs, times 0: its gradient is zero, not None,
            # so Adam decays its moments and moves it, as the NumPy program does
            z = z + s[k] * torch.tanh(block(z))
        return self.head(z).squeeze(1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
