"""PyTorch port of studt_numpy.py: location / scale MLP with a Student-t (nu = 3) likelihood.

hidden = nn.Linear(6, 20) + SiLU, head = nn.Linear(20, 2) -> (mu, raw scale),
sigma = softplus(raw) + 1e-3, the full Student-t negative log-likelihood averaged,
clip_grad_norm_(2.0), torch.optim.Adam(lr=1e-2).
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

NU = 3.0
MIN_SCALE = 1e-3
LOG_NORM = -math.lgamma((NU + 1) / 2) + math.lgamma(NU / 2) + 0.5 * math.log(NU * math.pi)


class StudentTRegressor(nn.Module):
    def __init__(self, n_in=6, hidden=20):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.head = nn.Linear(hidden, 2)

    def forward(self, X):
        out = self.head(F.silu(self.hidden(X)))
        mu = out[:, 0]
        sigma = F.softplus(out[:, 1])
        return mu, sigma


def student_t_nll(mu, sigma, y):
    z = (y - mu) / sigma
    nll = LOG_NORM + torch.log(sigma) + 0.5 * (NU + 1) * torch.log1p(z ** 2 / NU)
    return nll.mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    mu, sigma = model(X)
    loss = student_t_nll(mu, sigma, y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 2.0)
    optimizer.step()
    return loss.item()
