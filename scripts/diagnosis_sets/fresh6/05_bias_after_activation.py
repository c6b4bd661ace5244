"""Port of a binary classifier (tanh hidden layer, sigmoid output, summed binary
cross-entropy, Nesterov momentum) whose forward is written with F.linear to look like the
NumPy code's matrix products. The hidden bias ended up outside the tanh:
tanh(x W^T) + b instead of tanh(x W^T + b)."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, n_hidden=7):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, 1)

    def forward(self, x):
        h = torch.tanh(F.linear(x, self.hidden.weight)) + self.hidden.bias   # BUG: torch.tanh(F.linear(x, self.hidden.weight, self.hidden.bias))
        return torch.sigmoid(F.linear(h, self.out.weight, self.out.bias))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
