"""PyTorch port of negbin_numpy.py: 3 -> 8 tanh -> log-mean, the NB2 likelihood through
torch.distributions.NegativeBinomial(total_count=r, logits=...), whose mean is
total_count * exp(logits); plain SGD."""

import math

import torch
from torch import nn
from torch.distributions import NegativeBinomial

ALPHA = 0.5
LEARNING_RATE = 0.05


class NegBinNet(nn.Module):
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
    r = 1.0 / ALPHA
    log_mu = model(X)
    dist = NegativeBinomial(total_count=torch.full_like(log_mu, r), logits=log_mu - math.log(r))
    loss = -dist.log_prob(y).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
