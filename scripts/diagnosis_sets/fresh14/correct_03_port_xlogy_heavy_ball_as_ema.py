"""Correct port in an unusual style: a two-hidden-layer sigmoid classifier (6 -> 8 -> 5 -> 1,
sigmoid output, mean binary cross-entropy) whose NumPy original runs momentum as an exponential
moving average from zero, v = beta v + (1 - beta) g; W -= lr v. make_optimizer ports it as
torch's heavy ball at a scaled rate, SGD(momentum=beta, lr=lr * (1 - beta)): the buffer
b = g + beta b is v / (1 - beta) at every step, the first included, so the steps agree. The BCE
is written with torch.xlogy, -(xlogy(y, p) + xlogy(1 - y, 1 - p)).mean()."""

import torch
from torch import nn

BETA = 0.9


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(6, 8), nn.Sigmoid(), nn.Linear(8, 5), nn.Sigmoid(),
                                  nn.Linear(5, 1), nn.Sigmoid())

    def forward(self, x):
        return self.body(x)


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr * (1 - BETA), momentum=BETA)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = model(X)
    loss = -(torch.xlogy(y, p) + torch.xlogy(1 - y, 1 - p)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
