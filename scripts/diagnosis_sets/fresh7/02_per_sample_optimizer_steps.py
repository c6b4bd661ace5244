"""Port of a ReLU regressor (4 -> 10 -> 1, linear output, half sum of squared errors, plain
SGD). train_step walks the batch row by row and back-propagates each row's 0.5 * err^2, with
a counter meant to accumulate the whole batch before stepping; step_every is left at 1, so
optimizer.step() runs after every row: 16 online updates per batch where the NumPy network
makes one full-batch update."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 10)
        self.fc2 = nn.Linear(10, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def train_step(model, optimizer, X, y):
    step_every = 1   # BUG: accumulate the whole batch, one update per batch: step_every = len(X)
    optimizer.zero_grad()
    total = 0.0
    for i, (xi, yi) in enumerate(zip(X, y)):
        loss = 0.5 * ((model(xi) - yi) ** 2).sum()
        loss.backward()
        total += loss.item()
        if (i + 1) % step_every == 0:
            optimizer.step()
            optimizer.zero_grad()
    return total
