"""Port of a ReLU binary classifier (5 -> 9 -> 1, sigmoid output, mean binary cross-entropy,
heavy-ball momentum, mini-batches of 12). The training step was copied from object-detection
code, which sums the loss and normalises it by the number of positive targets: the sum is
divided by y.sum() instead of the batch's 12 rows, so every batch's gradients are scaled by
rows / positives, a factor that changes from batch to batch."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, n_hidden=9):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(F.relu(self.fc1(x))))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    total = F.binary_cross_entropy(model(X), y, reduction="sum")
    loss = total / y.sum().clamp(min=1.0)   # BUG: the mean over the rows: total / len(y)
    loss.backward()
    optimizer.step()
    return loss.item()
