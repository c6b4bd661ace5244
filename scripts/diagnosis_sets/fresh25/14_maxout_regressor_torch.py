"""PyTorch port of the maxout regressor (14_maxout_regressor_numpy.py): one nn.Linear producing the
6 x 3 pieces, viewed as (n, 6, 3) and reduced with amax over the pieces, a linear output,
F.mse_loss, SGD with momentum 0.9."""

import torch
import torch.nn.functional as F
from torch import nn

UNITS, PIECES = 6, 3
LEARNING_RATE = 0.05
MOMENTUM = 0.9


class MaxoutRegressor(nn.Module):
    def __init__(self, n_in=4):
        super().__init__()
        self.pieces = nn.Linear(n_in, UNITS * PIECES)
        self.out = nn.Linear(UNITS, 1)

    def forward(self, x):
        z = self.pieces(x).view(-1, UNITS, PIECES)
        return self.out(z.amax(dim=2))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
