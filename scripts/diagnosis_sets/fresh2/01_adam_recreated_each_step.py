"""Adam port whose train_step builds a fresh torch.optim.Adam on every call (the optimizer
handed in is ignored), so the moment estimates and step count start over every step."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=6, n_out=1):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.out = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return torch.sigmoid(self.out(torch.tanh(self.hidden(x))))


LR = 0.01


def make_optimizer(model, lr=LR):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer = make_optimizer(model)   # BUG: a new Adam (m = v = 0, t = 0) on every step
    optimizer.zero_grad()
    loss = nn.functional.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
