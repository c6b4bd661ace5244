"""PyTorch port of DeepTanhRegressor (08_deep_regressor_numpy.py): an input layer, the hidden
layers built from the sizes tuple, an output layer; tanh between them, mean squared error,
SGD at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn


class DeepTanhRegressor(nn.Module):
    def __init__(self, sizes=(4, 6, 7, 8, 2)):
        super().__init__()
        self.inp = nn.Linear(sizes[0], sizes[1])
        self.hidden = [nn.Linear(a, b) for a, b in zip(sizes[1:-2], sizes[2:-1])]   # BUG: nn.ModuleList([nn.Linear(a, b) for a, b in zip(sizes[1:-2], sizes[2:-1])])
        self.out = nn.Linear(sizes[-2], sizes[-1])

    def forward(self, x):
        x = torch.tanh(self.inp(x))
        for layer in self.hidden:
            x = torch.tanh(layer(x))
        return self.out(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
