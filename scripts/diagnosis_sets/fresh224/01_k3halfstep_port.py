"""PyTorch port of rk4_numpy.py: the RK4 neural ODE regressor, autograd through the solver loop.

    enc = nn.Linear(4, 8); field = Sequential(Linear(8, 16), Tanh(), Linear(16, 8));
    readout = nn.Linear(8, 1); 4 RK4 steps of 1/4; F.mse_loss; torch.optim.Adam(lr=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ODERegressor(nn.Module):
    def __init__(self, n_in=4, state=8, width=16, steps=4):
        super().__init__()
        self.enc = nn.Linear(n_in, state)
        self.field = nn.Sequential(nn.Linear(state, width), nn.Tanh(), nn.Linear(width, state))
        self.readout = nn.Linear(state, 1)
        self.steps = steps

    def rk4_step(self, h, dt):
        k1 = self.field(h)
        k2 = self.field(h + dt / 2 * k1)
        k3 = self.field(h + dt * k2)
        k4 = self.field(h + dt * k3)
        return h + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)

    def forward(self, x):
        h = self.enc(x)
        dt = 1.0 / self.steps
        for _ in range(self.steps):
            h = self.rk4_step(h, dt)
        return self.readout(h).squeeze(-1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
