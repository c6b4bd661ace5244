"""PyTorch port of CountRegressor (05_count_regressor_numpy.py): the log transform of the counts
moved into forward, 3 -> 8 tanh -> 1, half the F.mse_loss, SGD(momentum=MU)."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1
MU = 0.9


class CountRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, counts):
        x = torch.log(counts)   # BUG: x = torch.log1p(counts)
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
