"""PyTorch port of grn_numpy.py: a gated residual MLP regressor.

    proj: Linear(5, 10); three GatedBlock(10) (h = tanh(Linear), g = sigmoid(Linear), gate
    bias started at -1.5, x + g * (h - x)); head: Linear(10, 1).
    loss 0.5 * F.mse_loss; torch.optim.SGD(lr=0.05, momentum=0.9) with weight_decay=1e-3
    on the weights only (two parameter groups).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GatedBlock(nn.Module):
    def __init__(self, width, gate_bias=-1.5):
        super().__init__()
        self.h = nn.Linear(width, width)
        self.gate = nn.Linear(width, width)
        nn.init.constant_(self.gate.bias, gate_bias)

    def forward(self, x):
        h = torch.tanh(self.h(x))
        g = torch.sigmoid(self.gate(x))
        return x + g * (h - x)


class GatedResidualRegressor(nn.Module):
    def __init__(self, n_in=5, width=10, n_blocks=3):
        super().__init__()
        self.proj = nn.Linear(n_in, width)
        self.blocks = nn.ModuleList(GatedBlock(width) for _ in range(n_blocks))
        self.head = nn.Linear(width, 1)

    def forward(self, X):
        x = self.proj(X)
        for block in self.blocks:
            x = block(x)
        return self.head(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
