"""PyTorch port of made_gauss_numpy.py with plain parameters in the NumPy layout.

Each weight is an nn.Parameter kept (in, out) beside its mask buffer, the layers are
x @ (W * M) + b, and the likelihood is torch.distributions.Normal's log_prob;
torch.optim.SGD with momentum 0.9.

Parameters: W1, b1, W2, b2, Wm, bm, Ws, bs, A, each the NumPy array of the same name.
"""

import os

import numpy as np
import torch
import torch.nn as nn
from torch.distributions import Normal

HERE = os.path.dirname(os.path.abspath(__file__))


class GaussianMADEParams(nn.Module):
    def __init__(self, D=6, H=12):
        super().__init__()
        masks = np.load(os.path.join(HERE, "made_gauss_masks.npz"))
        for name in ("M1", "M2", "M3", "MA"):
            self.register_buffer(name, torch.tensor(masks[name], dtype=torch.float32))
        self.W1 = nn.Parameter(torch.randn(D, H) * 0.1)
        self.b1 = nn.Parameter(torch.zeros(H))
        self.W2 = nn.Parameter(torch.randn(H, H) * 0.1)
        self.b2 = nn.Parameter(torch.zeros(H))
        self.Wm = nn.Parameter(torch.randn(H, D) * 0.1)
        self.bm = nn.Parameter(torch.zeros(D))
        self.Ws = nn.Parameter(torch.randn(H, D) * 0.1)
        self.bs = nn.Parameter(torch.zeros(D))
        self.A = nn.Parameter(torch.randn(D, D) * 0.1)

    def forward(self, x):
        h = torch.tanh(x @ (self.W1 * self.M1) + self.b1)
        h = torch.tanh(h @ (self.W2 * self.M2) + self.b2)
        mu = h @ (self.Wm * self.M3) + self.bm + x @ (self.A * self.MA)
        log_std = h @ (self.Ws * self.M3) + self.bs
        return Normal(mu, log_std.exp())


def make_optimizer(model, lr=0.01):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = -model(X).log_prob(y).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
