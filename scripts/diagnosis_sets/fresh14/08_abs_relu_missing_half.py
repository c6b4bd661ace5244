"""Port of a ReLU binary classifier (5 -> 8 -> 1, sigmoid output, summed binary cross-entropy,
EMA momentum through the kit's optimizer). The ReLU is written branch-free as
(z + |z|) / 2, and the / 2 was lost: the hidden layer computes z + |z| = 2 max(z, 0), twice
the ReLU (its derivative 2 where z > 0 instead of 1)."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, width=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, 1)

    def forward(self, x):
        z = self.fc1(x)
        h = z + torch.abs(z)   # BUG: halve it: (z + torch.abs(z)) / 2
        return torch.sigmoid(self.fc2(h))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = model(X)
    loss = nn.functional.binary_cross_entropy(p, y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
