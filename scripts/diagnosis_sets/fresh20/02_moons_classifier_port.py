"""Two-moons classifier in PyTorch, ported from the from-scratch NumPy version: 2 inputs,
8 tanh hidden units, one sigmoid output, mean squared error against the 0/1 labels, SGD.
The layers are named with an OrderedDict so the printed model reads like the NumPy code."""

from collections import OrderedDict

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=2, n_hidden=8):
        super().__init__()
        self.layers = nn.Sequential(OrderedDict([
            ("hidden", nn.Linear(n_in, n_hidden)),
            ("act", nn.Tanh()),
            ("output", nn.Linear(n_hidden, 1)),
            ("act", nn.Sigmoid()),   # BUG: ("output_act", nn.Sigmoid()),
        ]))

    def forward(self, x):
        return self.layers(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
