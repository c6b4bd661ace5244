"""Port of a tanh regressor (4 -> 7 -> 1, linear output, half the sum of squared errors,
plain gradient descent). train_step writes the half-SSE with the 0.5 inside the square,
((0.5 * (out - y)) ** 2).sum(): the loss is a quarter of 0.5 * sum (out - y)^2 and every
gradient half of it."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, width=7):
        super().__init__()
        self.hidden = nn.Linear(n_in, width)
        self.head = nn.Linear(width, 1)

    def forward(self, x):
        return self.head(torch.tanh(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = ((0.5 * (out - y)) ** 2).sum()   # BUG: the half outside the square: 0.5 * ((out - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
