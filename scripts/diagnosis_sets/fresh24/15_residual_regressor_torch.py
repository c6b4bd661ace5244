"""ResidualRegressor in PyTorch: tanh input layer, one residual block x + relu(fc(x)), linear
readout; F.mse_loss, SGD(lr=0.05, momentum=0.9, weight_decay=1e-3)."""

import torch
import torch.nn.functional as F
from torch import nn


class ResidualRegressor(nn.Module):
    def __init__(self, n_in=4, width=12, n_out=2):
        super().__init__()
        self.inp = nn.Linear(n_in, width)
        self.res = nn.Linear(width, width)
        self.out = nn.Linear(width, n_out)

    def forward(self, x):
        h = torch.tanh(self.inp(x))
        h = h + F.relu(self.res(h))
        return self.out(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
