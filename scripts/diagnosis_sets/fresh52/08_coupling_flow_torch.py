"""CouplingFlow in PyTorch: a RealNVP affine coupling layer (fixed binary mask, a tanh conditioner
with a scale head and a shift head) followed by an element-wise affine layer; standard normal
base density, NLL averaged over the rows, SGD."""

import math

import torch
from torch import nn

LR = 0.05


class CouplingFlow(nn.Module):
    def __init__(self, dim=2, hidden=8):
        super().__init__()
        self.register_buffer("mask", torch.tensor([1.0, 0.0]))
        self.cond = nn.Linear(dim, hidden)
        self.s_head = nn.Linear(hidden, dim)
        self.t_head = nn.Linear(hidden, dim)
        self.mu = nn.Parameter(torch.zeros(dim))
        self.log_s = nn.Parameter(torch.zeros(dim))

    def forward(self, x):
        m = self.mask
        h = torch.tanh(self.cond(x * m))
        s, t = self.s_head(h), self.t_head(h)
        y = x * m + (1 - m) * (x * torch.exp(-s) - t)   # fix: y = x * m + (1 - m) * (x - t) * torch.exp(-s)
        z = (y - self.mu) * torch.exp(-self.log_s)
        log_det = -((1 - m) * s).sum(dim=1) - self.log_s.sum()
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
