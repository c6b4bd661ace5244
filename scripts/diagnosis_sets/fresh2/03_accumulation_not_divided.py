"""ReLU regressor trained with gradient accumulation over four micro-batches (to 'save
memory'); each micro-batch's mean loss is back-propagated as is, never divided by the
number of micro-batches, so the gradients are four times those of the full-batch mean."""

import torch
from torch import nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


ACCUM = 4


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    total = 0.0
    for xb, yb in zip(X.chunk(ACCUM), y.chunk(ACCUM)):
        loss = F.mse_loss(model(xb), yb)   # BUG: should be divided by ACCUM before backward
        loss.backward()
        total += loss.item()
    optimizer.step()
    return total / ACCUM
