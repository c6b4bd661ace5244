"""PyTorch port of rk4_numpy.py: a time-dependent neural ODE classifier, classical RK4.

    func.fc1 = nn.Linear(4, 12), func.time_w = nn.Parameter (12,), func.fc2 = nn.Linear(12, 4)
    f(t, h) = fc2(tanh(fc1(h) + t * time_w))
    head = nn.Linear(4, 3); F.cross_entropy; torch.optim.SGD(lr=0.1, momentum=0.9)

    W1 = func.fc1.weight.T, b1 = func.fc1.bias, wt = func.time_w, W2 = func.fc2.weight.T,
    b2 = func.fc2.bias, Wr = head.weight.T, br = head.bias
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ODEFunc(nn.Module):
    def __init__(self, dim=4, hidden=12):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.time_w = nn.Parameter(torch.empty(hidden).uniform_(-1.0, 1.0))
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, t, h):
        return self.fc2(torch.tanh(self.fc1(h) + t * self.time_w))


class RK4ODEClassifier(nn.Module):
    def __init__(self, dim=4, hidden=12, n_classes=3, n_steps=3):
        super().__init__()
        self.func = ODEFunc(dim, hidden)
        self.head = nn.Linear(dim, n_classes)
        self.n_steps = n_steps

    def forward(self, x):
        dt = 1.0 / self.n_steps
        h = x
        for k in range(self.n_steps):
            t = (k + 1) * dt
            k1 = self.func(t, h)
            k2 = self.func(t + dt / 2, h + dt / 2 * k1)
            k3 = self.func(t + dt / 2, h + dt / 2 * k2)
            k4 = self.func(t + dt, h + dt * k3)
            h = h + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        return self.head(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
