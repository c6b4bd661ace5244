"""PyTorch port of binary_numpy.py: an Euler-integrated neural ODE binary classifier.

    lift = nn.Linear(2, 8); field: f_in = nn.Linear(8, 16), softplus, f_out = nn.Linear(16, 8)
    head = nn.Linear(8, 1); 5 Euler steps of dt 0.2
    F.binary_cross_entropy_with_logits; torch.optim.RMSprop(lr=0.003, alpha=0.99, eps=1e-8)

    layers[0] = lift, layers[1] = f_in, layers[2] = f_out, layers[3] = head (W as nn.Linear keeps it)
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class EulerODEBinary(nn.Module):
    def __init__(self, n_in=2, dim=8, hidden=16, n_steps=5, dt=0.2):
        super().__init__()
        self.lift = nn.Linear(n_in, dim)
        self.f_in = nn.Linear(dim, hidden)
        self.f_out = nn.Linear(hidden, dim)
        self.head = nn.Linear(dim, 1)
        self.n_steps = n_steps
        self.dt = dt

    def field(self, h):
        return self.f_out(F.softplus(self.f_in(h)))

    def forward(self, x):
        h = self.lift(x)
        for _ in range(self.n_steps):
            h = h + self.dt * self.field(h)
        return self.head(h).squeeze(1)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.003, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
