"""Weights kept as raw (in, out) Parameters like the NumPy code, but the middle (square)
weight is used transposed out of nn.Linear habit."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=6, n_out=1):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, n_hidden) * 0.5)
        self.b1 = nn.Parameter(torch.zeros(n_hidden))
        self.W2 = nn.Parameter(torch.randn(n_hidden, n_hidden) * 0.5)
        self.b2 = nn.Parameter(torch.zeros(n_hidden))
        self.W3 = nn.Parameter(torch.randn(n_hidden, n_out) * 0.5)
        self.b3 = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        h1 = torch.sigmoid(x @ self.W1 + self.b1)
        h2 = torch.sigmoid(h1 @ self.W2.T + self.b2)   # BUG: W2 is already (in, out)
        return torch.sigmoid(h2 @ self.W3 + self.b3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
