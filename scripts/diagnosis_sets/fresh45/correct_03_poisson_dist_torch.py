"""PyTorch port of correct_03_poisson_lgamma_numpy.py: 3 -> 8 tanh -> log-rate, the loss
-torch.distributions.Poisson(rate=exp(z)).log_prob(y) (log y! included), plain SGD."""

import torch
from torch import nn
from torch.distributions import Poisson

LEARNING_RATE = 0.02


class PoissonFullNet(nn.Module):
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
    loss = -Poisson(rate=model(X).exp()).log_prob(y).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
