"""PyTorch port of ring_numpy.py: 4 affine coupling layers with a coordinate reversal between
them, standard normal base, negative log-likelihood averaged over the batch, torch.optim.Adam.

    couplings.{i}.hidden.weight = W1_i.T   couplings.{i}.hidden.bias = b1_i
    couplings.{i}.scale.weight  = Ws_i.T   couplings.{i}.scale.bias  = bs_i
    couplings.{i}.shift.weight  = Wt_i.T   couplings.{i}.shift.bias  = bt_i
"""

import math

import torch
import torch.nn as nn


class AffineCoupling(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.half = dim // 2
        self.hidden = nn.Linear(self.half, hidden)
        self.scale = nn.Linear(hidden, dim - self.half)
        self.shift = nn.Linear(hidden, dim - self.half)

    def forward(self, x):
        xa, xb = x[:, :self.half], x[:, self.half:]
        h = torch.tanh(self.hidden(xa))
        s = torch.tanh(self.scale(h))
        t = self.shift(h)
        yb = xb * torch.exp(s) + t
        return torch.cat([xa, yb], dim=1), s.sum(dim=1)


class RingFlow(nn.Module):
    def __init__(self, dim=4, hidden=16, n_layers=4):
        super().__init__()
        self.dim = dim
        self.couplings = nn.ModuleList([AffineCoupling(dim, hidden) for _ in range(n_layers)])

    def forward(self, x):
        logdet = torch.zeros(x.shape[0], dtype=x.dtype, device=x.device)
        for layer in self.couplings:
            x, ld = layer(x)
            logdet = logdet + ld
            x = x.flip(1)
        return x, logdet

    def nll(self, x):
        z, logdet = self(x)
        log_pz = -0.5 * z.pow(2).sum(dim=1) - 0.5 * self.dim * math.log(2 * math.pi)
        return -(log_pz + logdet).mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.nll(X)
    loss.backward()
    optimizer.step()
    return loss.item()
