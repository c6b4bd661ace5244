"""Port with raw nn.Parameter weights kept (out, in), as nn.Linear keeps them, and a small
dense() helper. The helper turns the weight into (in, out) with .reshape(in, out) where a
transpose (.T) is meant: the elements are re-read in memory order, not transposed. The
output weight is a (1, h) row, for which reshape and transpose agree; the hidden weight is
scrambled."""

import torch
from torch import nn


def dense(x, w, b):
    return x @ w.reshape(w.shape[1], w.shape[0]) + b   # BUG: w.T


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=5, n_out=1):
        super().__init__()
        self.w_hidden = nn.Parameter(torch.randn(n_hidden, n_in) * 0.5)
        self.b_hidden = nn.Parameter(torch.zeros(n_hidden))
        self.w_out = nn.Parameter(torch.randn(n_out, n_hidden) * 0.5)
        self.b_out = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        h = torch.sigmoid(dense(x, self.w_hidden, self.b_hidden))
        return torch.sigmoid(dense(h, self.w_out, self.b_out))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
