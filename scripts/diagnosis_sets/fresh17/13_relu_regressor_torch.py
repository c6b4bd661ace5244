"""PyTorch port of 13_relu_regressor_numpy.py: 5 -> 12 -> 2 ReLU regressor, half mean squared
error over rows and targets, SGD at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn


class ReluRegressor(nn.Module):
    def __init__(self, n_in=5, n_hidden=12, n_out=2):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.out(F.relu(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
