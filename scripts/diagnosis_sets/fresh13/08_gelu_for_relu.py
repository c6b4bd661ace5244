"""Port of a two-hidden-layer ReLU network (6 -> 7 -> 7 -> 1, sigmoid output, summed binary
cross-entropy, plain SGD, shuffled mini-batches of 8). The hidden blocks were written with
nn.GELU(), the transformer default, z * Phi(z) with Phi the standard normal CDF, where the
NumPy network's hidden layers use ReLU max(z, 0)."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, width=7):
        super().__init__()
        self.block1 = nn.Sequential(nn.Linear(n_in, width), nn.GELU())   # BUG: ReLU: nn.ReLU()
        self.block2 = nn.Sequential(nn.Linear(width, width), nn.GELU())   # BUG: ReLU: nn.ReLU()
        self.out = nn.Linear(width, 1)

    def forward(self, x):
        return torch.sigmoid(self.out(self.block2(self.block1(x))))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
