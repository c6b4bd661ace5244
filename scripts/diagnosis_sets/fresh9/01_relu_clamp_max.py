"""Port of a one-hidden-layer ReLU classifier (5 -> 8 -> 1, sigmoid output, mean binary
cross-entropy, mini-batches of 10) that writes the ReLU as a clamp on the linear layer's
output. The clamp got max=0 where min=0 was meant: the hidden layer keeps the negative part,
min(z, 0) = -relu(-z), and zeroes every positive pre-activation."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, n_hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        h = self.fc1(x).clamp(max=0)   # BUG: ReLU keeps the positive part: .clamp(min=0)
        return torch.sigmoid(self.fc2(h))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
