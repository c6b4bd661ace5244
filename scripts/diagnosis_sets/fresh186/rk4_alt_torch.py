"""The RK4 neural ODE classifier of rk4_torch.py written another way (correct).

Raw nn.Parameters kept in the NumPy layout (h @ W1), F.linear-free matmuls, and a
generic explicit Runge-Kutta solver driven by the classical RK4 Butcher tableau.

    W1 (4, 12), b1 (12,), wt (12,), W2 (12, 4), b2 (4,), Wr (4, 3), br (3,)
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

RK4_A = ((), (0.5,), (0.0, 0.5), (0.0, 0.0, 1.0))
RK4_B = (1 / 6, 1 / 3, 1 / 3, 1 / 6)
RK4_C = (0.0, 0.5, 0.5, 1.0)


def rk_step(f, t, h, dt):
    ks = []
    for a_row, c in zip(RK4_A, RK4_C):
        u = h
        for a, k in zip(a_row, ks):
            if a != 0.0:
                u = u + (dt * a) * k
        ks.append(f(t + c * dt, u))
    return h + dt * sum(b * k for b, k in zip(RK4_B, ks))


class RK4ODEClassifier(nn.Module):
    def __init__(self, dim=4, hidden=12, n_classes=3, n_steps=3):
        super().__init__()
        self.W1 = nn.Parameter(torch.zeros(dim, hidden))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.wt = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.zeros(hidden, dim))
        self.b2 = nn.Parameter(torch.zeros(dim))
        self.Wr = nn.Parameter(torch.zeros(dim, n_classes))
        self.br = nn.Parameter(torch.zeros(n_classes))
        self.n_steps = n_steps

    def vector_field(self, t, h):
        return torch.tanh(h @ self.W1 + self.b1 + t * self.wt) @ self.W2 + self.b2

    def forward(self, x):
        dt = 1.0 / self.n_steps
        h = x
        for k in range(self.n_steps):
            h = rk_step(self.vector_field, k * dt, h, dt)
        return h @ self.Wr + self.br


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = F.cross_entropy(model(X), y, reduction="sum") / X.shape[0]
    loss.backward()
    optimizer.step()
    return loss.item()
