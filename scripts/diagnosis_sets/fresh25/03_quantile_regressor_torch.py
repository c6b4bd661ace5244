"""PyTorch port of the quantile regressor (03_quantile_regressor_numpy.py): 3 -> 12 tanh -> 1, the
pinball loss of the 90th percentile averaged over the batch, SGD with momentum 0.9."""

import torch
from torch import nn

QUANTILE = 0.9
LEARNING_RATE = 0.05
MOMENTUM = 0.9


class QuantileRegressor(nn.Module):
    def __init__(self, n_in=3, n_hidden=12):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def pinball_loss(pred, target, q=QUANTILE):
    err = pred - target   # BUG: err = target - pred
    return torch.max(q * err, (q - 1) * err).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = pinball_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
