"""LayerNormRegressor in PyTorch: Linear, nn.LayerNorm, tanh, Linear, softplus, Linear;
F.mse_loss, torch.optim.Adam(lr=0.01)."""

import torch
import torch.nn.functional as F
from torch import nn


class LayerNormRegressor(nn.Module):
    def __init__(self, n_in=4, hidden=16, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.norm = nn.LayerNorm(hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.fc3 = nn.Linear(hidden, n_out)

    def forward(self, x):
        h = torch.tanh(self.norm(self.fc1(x)))
        h = F.softplus(self.fc2(h))
        return self.fc3(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
