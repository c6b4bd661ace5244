"""Port of a sigmoid network (6 -> 7 -> 1, sigmoid output, mean binary cross-entropy) trained
with Adam in the NumPy network. make_optimizer picked torch.optim.Adamax from the completion
list: Adam's infinity-norm variant, whose denominator is u = max(beta2 u, |g|) instead of
sqrt(v_hat) with v = beta2 v + (1 - beta2) g^2. The two agree on the first step (both move
lr * sign(g)) and part from the second."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, hidden=7):
        super().__init__()
        self.layer1 = nn.Linear(n_in, hidden)
        self.layer2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.layer2(torch.sigmoid(self.layer1(x))))


def make_optimizer(model, lr):
    return torch.optim.Adamax(model.parameters(), lr=lr)   # BUG: Adam: torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
