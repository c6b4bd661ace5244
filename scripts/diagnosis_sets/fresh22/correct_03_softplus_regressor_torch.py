"""SoftplusRegressor (correct_03_softplus_regressor_numpy.py) in PyTorch: nn.Softplus hidden
layer, half MSE, SGD(lr=0.1, momentum=0.9, nesterov=True)."""

import torch
import torch.nn.functional as F
from torch import nn


class SoftplusRegressor(nn.Module):
    def __init__(self, n_in=2, hidden=12):
        super().__init__()
        self.hidden = nn.Sequential(nn.Linear(n_in, hidden), nn.Softplus())
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.out(self.hidden(x))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
