"""SoftplusFlow in PyTorch: sigma = F.softplus(rho), z = (x - mu) / sigma, log|det| = -sum(log sigma),
standard normal base density, NLL averaged over the rows, SGD."""

import math

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1


class SoftplusFlow(nn.Module):
    def __init__(self, dim=2):
        super().__init__()
        self.mu = nn.Parameter(torch.zeros(dim))
        self.rho = nn.Parameter(torch.zeros(dim))

    def forward(self, x):
        sigma = F.softplus(self.rho)
        z = (x - self.mu) / sigma
        log_det = -torch.log(sigma).sum()
        return z, log_det


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y=None):
    optimizer.zero_grad()
    z, log_det = model(X)
    log_pz = -0.5 * (z ** 2).sum(dim=1) - 0.5 * z.shape[1] * math.log(2 * math.pi)
    loss = -(log_pz + log_det).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
