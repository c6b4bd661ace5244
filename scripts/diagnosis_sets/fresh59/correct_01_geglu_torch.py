"""GeGLURegressor in PyTorch: nn.Linear(5, 12) cut with .chunk(2, dim=-1), value * gelu(gate) with
F.gelu(approximate='tanh'), nn.Linear head, F.mse_loss, torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.01


class GeGLURegressor(nn.Module):
    def __init__(self, n_in=5, hidden=6, n_out=2):
        super().__init__()
        self.proj = nn.Linear(n_in, 2 * hidden)
        self.out = nn.Linear(hidden, n_out)

    def forward(self, x):
        value, gate = self.proj(x).chunk(2, dim=-1)
        return self.out(value * F.gelu(gate, approximate="tanh"))


def make_optimizer(model, lr=LR):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
