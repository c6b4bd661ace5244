"""PyTorch port of moons_numpy.py: 4 masked affine couplings (alternating masks), a learnable
per-coordinate scale on tanh, standard normal base, torch.optim.SGD with momentum 0.9.

    layers.{i}.net.0.weight = l{i}.W1.T   layers.{i}.net.0.bias = l{i}.b1
    layers.{i}.net.2.weight = l{i}.W2.T   layers.{i}.net.2.bias = l{i}.b2
    layers.{i}.scale        = l{i}.scale
"""

import math

import torch
import torch.nn as nn


class MaskedCoupling(nn.Module):
    def __init__(self, mask, hidden):
        super().__init__()
        dim = mask.numel()
        self.register_buffer("mask", mask)
        self.net = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, 2 * dim))
        self.scale = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        m = self.mask
        r, t = self.net(x * m).chunk(2, dim=1)
        s = self.scale * torch.tanh(r) * (1 - m)
        t = t * (1 - m)
        y = x * m + (1 - m) * (x * torch.exp(s) + t)
        return y, s.sum(dim=1)


class MoonsFlow(nn.Module):
    def __init__(self, dim=2, hidden=24, n_layers=4):
        super().__init__()
        self.dim = dim
        masks = [(torch.arange(dim) % 2 == 0).float() for i in range(n_layers)]
        self.layers = nn.ModuleList([MaskedCoupling(m, hidden) for m in masks])

    def forward(self, x):
        logdet = x.new_zeros(x.shape[0])
        for layer in self.layers:
            x, ld = layer(x)
            logdet = logdet + ld
        return x, logdet


def nll_loss(z, logdet):
    D = z.shape[1]
    log_pz = -0.5 * (z * z).sum(dim=1) - 0.5 * D * math.log(2 * math.pi)
    return -(log_pz + logdet).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z, logdet = model(X)
    loss = nll_loss(z, logdet)
    loss.backward()
    optimizer.step()
    return loss.item()
