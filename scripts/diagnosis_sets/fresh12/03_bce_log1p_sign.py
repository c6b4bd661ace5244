"""Port of a ReLU classifier (6 -> 9 -> 1, sigmoid output, mean binary cross-entropy, Adam).
The hand-written BCE takes the y = 0 term as log1p(p), log(1 + p), where log1p(-p) =
log(1 - p) is meant: the minus sign inside log1p was lost."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, width=9):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.relu(self.fc1(x))))


def bce(p, y):
    return -(y * torch.log(p) + (1 - y) * torch.log1p(p)).mean()   # BUG: log(1 - p): torch.log1p(-p)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = bce(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
