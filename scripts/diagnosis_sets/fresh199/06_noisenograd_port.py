"""PyTorch port of nce_numpy.py: noise-contrastive estimation of a softplus energy network."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

NOISE_STD = 2.0


def log_noise(x):
    D = x.shape[1]
    return -0.5 * (x ** 2).sum(dim=1) / NOISE_STD ** 2 - D * math.log(NOISE_STD * math.sqrt(2 * math.pi))


class EnergyNet(nn.Module):
    def __init__(self, n_in=4, hidden=24):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.energy = nn.Linear(hidden, 1, bias=False)
        self.log_z = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return self.energy(F.softplus(self.hidden(x))).squeeze(1)

    def logit(self, x):
        return -self(x) + self.log_z - log_noise(x)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    g_data = model.logit(X)
    with torch.no_grad():
        g_noise = model.logit(y)
    loss = F.softplus(-g_data).mean() + F.softplus(g_noise).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
