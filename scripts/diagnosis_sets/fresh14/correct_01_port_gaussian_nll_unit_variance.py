"""Correct port in an unusual style: a two-hidden-layer ReLU regressor (5 -> 8 -> 6 -> 2, linear
output, half the mean squared error, heavy-ball momentum through the kit's optimizer). The ReLU
is torch.clamp_min(z, 0.0), the layers live in an nn.ModuleList walked with zip against a tuple
of activations, and the loss is F.gaussian_nll_loss with a unit variance: 0.5 * (log 1 +
(out - y)^2 / 1) averaged over every element, which is exactly half the mean squared error."""

import torch
import torch.nn.functional as F
from torch import nn


def relu(z):
    return torch.clamp_min(z, 0.0)


def identity(z):
    return z


class Net(nn.Module):
    def __init__(self, sizes=(5, 8, 6, 2)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.acts = (relu, relu, identity)

    def forward(self, x):
        for layer, act in zip(self.layers, self.acts):
            x = act(layer(x))
        return x


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = F.gaussian_nll_loss(out, y, torch.ones_like(out))
    loss.backward()
    optimizer.step()
    return loss.item()
