"""Port of a multi-label ReLU classifier (4 -> 8 -> 3, one sigmoid per output, mean binary
cross-entropy, Adam). train_step 'cleans' the targets with code from a single-label recipe,
F.one_hot(y.argmax(dim=1)): each row keeps only its first positive label, and a row with no
positive label becomes class 0, where the NumPy network trains on the 0/1 targets as given."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.relu(self.fc1(x))))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    target = F.one_hot(y.argmax(dim=1), y.shape[1]).to(y.dtype)   # BUG: the targets as given: target = y
    loss = F.binary_cross_entropy(model(X), target)
    loss.backward()
    optimizer.step()
    return loss.item()
