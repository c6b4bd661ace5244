"""PyTorch port of 03_robust_regressor_numpy.py: 5 -> 16 -> 8 -> 2 ReLU regressor, Huber loss
(DELTA = 2, mean over every output), plain SGD at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

DELTA = 2.0
LR = 0.05


class RobustRegressor(nn.Module):
    def __init__(self, sizes=(5, 16, 8, 2)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = F.relu(layer(x))
        return self.layers[-1](x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.smooth_l1_loss(model(X), y, beta=DELTA)   # BUG: loss = F.huber_loss(model(X), y, delta=DELTA)
    loss.backward()
    optimizer.step()
    return loss.item()
