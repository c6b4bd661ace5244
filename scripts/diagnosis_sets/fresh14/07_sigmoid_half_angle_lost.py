"""Port of a two-hidden-layer sigmoid classifier (6 -> 8 -> 5 -> 1, sigmoid output, mean
binary cross-entropy). The porter wrote the logistic function through the half-angle identity,
sigmoid(z) = 0.5 * tanh(z / 2) + 0.5, and dropped the / 2: the helper computes
0.5 * tanh(z) + 0.5 = sigmoid(2 z), twice as steep, in both hidden layers and at the output."""

import torch
from torch import nn


def sigmoid(z):
    return 0.5 * torch.tanh(z) + 0.5   # BUG: the half angle: 0.5 * torch.tanh(z / 2) + 0.5


class Net(nn.Module):
    def __init__(self, n_in=6, h1=8, h2=5):
        super().__init__()
        self.l1 = nn.Linear(n_in, h1)
        self.l2 = nn.Linear(h1, h2)
        self.l3 = nn.Linear(h2, 1)

    def forward(self, x):
        return sigmoid(self.l3(sigmoid(self.l2(sigmoid(self.l1(x))))))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
