"""PyTorch port of euler_numpy.py: a neural ODE regressor, explicit Euler on a time grid.

    lift    = nn.Linear(3, 6)
    field   = Linear(6, 16) -> Tanh -> Linear(16, 6)      (one module, used at every step)
    readout = nn.Linear(6, 1)

The Euler steps run over torch.linspace(0, t_end, n_steps + 1); autograd does
the adjoint. F.mse_loss, torch.optim.Adam(lr=0.01).

    Win = lift.weight.T, bin = lift.bias, W1 = field.0.weight.T, b1 = field.0.bias,
    W2 = field.2.weight.T, b2 = field.2.bias, Wout = readout.weight.T, bout = readout.bias
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class EulerODERegressor(nn.Module):
    def __init__(self, n_in=3, dim=6, hidden=16, n_steps=4, t_end=1.0):
        super().__init__()
        self.lift = nn.Linear(n_in, dim)
        self.field = nn.Sequential(nn.Linear(dim, hidden), nn.Tanh(), nn.Linear(hidden, dim))
        self.readout = nn.Linear(dim, 1)
        self.n_steps = n_steps
        self.t_end = t_end

    def forward(self, x):
        ts = torch.linspace(0.0, self.t_end, self.n_steps + 1)
        h = self.lift(x)
        for t0, t1 in zip(ts[:-1], ts[1:]):
            h = h + (t1 - t0).item() * self.field(h)
        return self.readout(h).squeeze(-1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
