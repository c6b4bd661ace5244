"""A second PyTorch port of sob_numpy.py: the slope u_x written in closed form (a correct variant).

The parameters are raw nn.Parameters in the NumPy layout, W1 (1, H), b1 (H,), W2 (H, 1), b2 (1,);
forward returns both u and u_x = ((1 - h^2) * W1) @ W2, and autograd differentiates that
expression (no autograd.grad with respect to the input).
"""

import torch
import torch.nn as nn

LAM = 0.5


class SobolevClosedForm(nn.Module):
    def __init__(self, hidden=24):
        super().__init__()
        self.W1 = nn.Parameter(torch.empty(1, hidden).uniform_(-1.0, 1.0))
        self.b1 = nn.Parameter(torch.empty(hidden).uniform_(-1.0, 1.0))
        self.W2 = nn.Parameter(torch.empty(hidden, 1).uniform_(-0.2, 0.2))
        self.b2 = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        h = torch.tanh(x @ self.W1 + self.b1)
        u = h @ self.W2 + self.b2
        u_x = (1 - h.square()) * self.W1 @ self.W2
        return u, u_x


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2)


def train_step(model, optimizer, X, y):
    u, u_x = model(X)
    value_err = (u.squeeze(1) - y[:, 0]).square().mean()
    slope_err = (u_x.squeeze(1) - y[:, 1]).square().mean()
    loss = value_err + LAM * slope_err
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    return float(loss)
