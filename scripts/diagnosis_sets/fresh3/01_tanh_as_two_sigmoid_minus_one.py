"""Port of a tanh / binary cross-entropy network, layers in an nn.ModuleList. The hidden
tanh is written out through the sigmoid as 2 * sigmoid(z) - 1, which is tanh(z / 2): the
identity is tanh(z) = 2 * sigmoid(2 z) - 1."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, sizes=(4, 6, 1)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = 2 * torch.sigmoid(layer(x)) - 1   # BUG: tanh(z / 2), not tanh(z)
        return torch.sigmoid(self.layers[-1](x))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
