"""Correct port in an unusual style: a tanh / softmax classifier (4 -> 8 -> 3, mean
cross-entropy on the logits, Nesterov momentum, mini-batches of 12) whose train_step
accumulates gradients over unequal micro-batches, X.split(5) = 5, 5 and 2 rows, each
micro-batch's mean loss weighted by its share of the rows, len(xb) / len(X), so the summed
gradients are exactly those of the whole batch's mean. The gradients are zeroed once, before
the loop, and the optimizer steps once."""

import torch
import torch.nn.functional as F
from torch import nn

MICRO = 5


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    total = 0.0
    for xb, yb in zip(X.split(MICRO), y.split(MICRO)):
        loss = F.cross_entropy(model(xb), yb) * (len(xb) / len(X))
        loss.backward()
        total += loss.item()
    optimizer.step()
    return total
