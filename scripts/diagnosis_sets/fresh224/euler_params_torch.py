"""The Euler neural ODE classifier ported another way (a correct variant of euler_torch.py).

Raw nn.Parameters kept in the NumPy layout (in, out), products with @, the time grid from
torch.linspace(0, 1, steps + 1), and the loss as log_softmax + gather (mean).
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class ParamEulerODE(nn.Module):
    def __init__(self, n_in=2, state=6, width=16, n_cls=3, steps=5):
        super().__init__()

        def p(fan, *shape):
            b = 1.0 / math.sqrt(fan)
            return nn.Parameter(torch.empty(*shape).uniform_(-b, b))

        self.W_lift, self.b_lift = p(n_in, n_in, state), p(n_in, state)
        self.W1, self.b1 = p(state + 1, state + 1, width), p(state + 1, width)
        self.W2, self.b2 = p(width, width, state), p(width, state)
        self.W_out, self.b_out = p(state, state, n_cls), p(state, n_cls)
        self.steps = steps

    def vector_field(self, h, t):
        ht = torch.cat([h, t.expand(h.shape[0], 1)], dim=1)
        return torch.tanh(ht @ self.W1 + self.b1) @ self.W2 + self.b2

    def forward(self, x):
        h = x @ self.W_lift + self.b_lift
        grid = torch.linspace(0.0, 1.0, self.steps + 1, dtype=x.dtype)
        for i in range(self.steps):
            dt = 1.0 / self.steps
            h = h + dt * self.vector_field(h, grid[i].reshape(1, 1))
        return h @ self.W_out + self.b_out


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logp = torch.log_softmax(model(X), dim=1)
    loss = -logp.gather(1, y.long().unsqueeze(1)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
