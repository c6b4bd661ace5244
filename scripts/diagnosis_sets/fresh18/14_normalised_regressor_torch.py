"""PyTorch port of NormalisedRegressor (14_normalised_regressor_numpy.py): Linear without bias,
BatchNorm1d, tanh, Linear; half mean squared error; SGD at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn


class NormalisedRegressor(nn.Module):
    def __init__(self, n_in=4, hidden=6, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden, bias=False)
        self.bn = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.bn(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
