"""CountRegressor in PyTorch: Linear, tanh, Linear to the log-rate, and torch's Poisson negative
log-likelihood on it (F.poisson_nll_loss with log_input=True: exp(z) - y z, the mean); SGD at
0.1."""

import torch
import torch.nn.functional as F
from torch import nn


class CountRegressor(nn.Module):
    def __init__(self, n_in=4, hidden=6):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.log_rate = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.log_rate(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.poisson_nll_loss(model(X), y, log_input=True)
    loss.backward()
    optimizer.step()
    return loss.item()
