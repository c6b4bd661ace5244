"""Kaggle-style regression port (tanh hidden layer, linear output, SGD with momentum). The
notebook's criterion is nn.SmoothL1Loss (Huber, beta=1), picked as "a robust MSE", where the
NumPy network minimises the mean squared error: for errors below 1 it is 0.5 * mean(err^2),
so every gradient is half the NumPy network's."""

import torch
from torch import nn


class Regressor(nn.Module):
    def __init__(self, n_in=4, n_hidden=10):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Tanh(), nn.Linear(n_hidden, 1))

    def forward(self, x):
        return self.layers(x)


criterion = nn.SmoothL1Loss()   # BUG: nn.MSELoss()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
