"""PyTorch port of euler_numpy.py: the time-dependent Euler neural ODE classifier.

    lift = nn.Linear(2, 6); fc1 = nn.Linear(7, 16) on cat([h, t]); fc2 = nn.Linear(16, 6);
    head = nn.Linear(6, 3); 5 Euler steps of 1/5 with t_k = k/5; F.cross_entropy;
    torch.optim.SGD(lr=0.1, momentum=0.9).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ODEFunc(nn.Module):
    def __init__(self, state, width):
        super().__init__()
        self.fc1 = nn.Linear(state + 1, width)
        self.fc2 = nn.Linear(width, state)

    def forward(self, t, h):
        tt = torch.full_like(h[:, :1], t)
        return self.fc2(torch.tanh(self.fc1(torch.cat([h, tt], dim=1))))


class EulerODEClassifier(nn.Module):
    def __init__(self, n_in=2, state=6, width=16, n_cls=3, steps=5):
        super().__init__()
        self.lift = nn.Linear(n_in, state)
        self.func = ODEFunc(state, width)
        self.head = nn.Linear(state, n_cls)
        self.steps = steps

    def forward(self, x):
        h = self.lift(x)
        ts = torch.linspace(0.0, 1.0, self.steps)
        for t0, t1 in zip(ts[:-1], ts[1:]):
            h = h + (t1 - t0) * self.func(t0.item(), h)
        return self.head(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
