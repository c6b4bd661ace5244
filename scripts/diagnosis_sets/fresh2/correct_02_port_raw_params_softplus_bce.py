"""Correct port in an unusual style: raw (in, out) nn.Parameters instead of nn.Linear,
forward returns logits, and binary cross-entropy is written by hand as
mean(softplus(z) - y z), which equals BCE(sigmoid(z), y); tanh hidden layer, heavy-ball
momentum from make_optimizer."""

import torch
from torch import nn
import torch.nn.functional as F


class LogitNet(nn.Module):
    def __init__(self, n_in=4, n_hidden=6):
        super().__init__()
        self.A = nn.Parameter(torch.randn(n_in, n_hidden) * 0.3)
        self.a = nn.Parameter(torch.zeros(n_hidden))
        self.B = nn.Parameter(torch.randn(n_hidden, 1) * 0.3)
        self.c = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return torch.tanh(x @ self.A + self.a) @ self.B + self.c     # logits


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = (F.softplus(z) - y * z).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
