"""PyTorch port of gauss_numpy.py: MLP with a mean / log-variance head, Gaussian NLL.

    body = nn.Linear(5, 24) + tanh, head = nn.Linear(24, 2) -> (mu, log sigma^2)
    loss = mean(0.5 * (logvar + (y - mu)^2 * exp(-logvar)))
clip_grad_norm_(0.5), torch.optim.Adam(lr=1e-2).
"""

import torch
import torch.nn as nn

MAX_NORM = 0.5


class GaussMLP(nn.Module):
    def __init__(self, n_in=5, hidden=24):
        super().__init__()
        self.body = nn.Linear(n_in, hidden)
        self.head = nn.Linear(hidden, 2)

    def forward(self, X):
        return self.head(torch.tanh(self.body(X)))


def gaussian_nll(out, y):
    mu, logvar = out[:, 0], out[:, 1]
    return (0.5 * (logvar + (y - mu) ** 2 * torch.exp(-logvar))).mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = gaussian_nll(model(X), y)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
