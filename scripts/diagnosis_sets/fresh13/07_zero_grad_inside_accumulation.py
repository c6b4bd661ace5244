"""Port of a ReLU / softmax classifier (4 -> 8 -> 3, mean cross-entropy, heavy-ball momentum,
mini-batches of 16) that accumulates gradients over ACCUM = 4 micro-batches of 4 rows, each
micro-batch's mean loss divided by 4, then steps once. optimizer.zero_grad() was placed inside
the micro-batch loop instead of before it: each micro-batch wipes the gradients of the ones
before, so the step uses only the last micro-batch's gradient, divided by 4."""

import torch
import torch.nn.functional as F
from torch import nn

ACCUM = 4


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    total = 0.0
    for xb, yb in zip(X.chunk(ACCUM), y.chunk(ACCUM)):
        optimizer.zero_grad()   # BUG: zero once, before the loop
        loss = F.cross_entropy(model(xb), yb) / ACCUM
        loss.backward()
        total += loss.item()
    optimizer.step()
    return total
