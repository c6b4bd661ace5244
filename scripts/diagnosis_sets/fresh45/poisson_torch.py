"""PyTorch port of poisson_numpy.py: 3 -> 8 tanh -> log-rate, F.poisson_nll_loss on the log-rate,
plain SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LEARNING_RATE = 0.02


class PoissonNet(nn.Module):
    def __init__(self, n_in=3, n_hidden=8):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    log_rate = model(X)
    loss = F.poisson_nll_loss(log_rate, y, log_input=True)
    loss.backward()
    optimizer.step()
    return loss.item()
