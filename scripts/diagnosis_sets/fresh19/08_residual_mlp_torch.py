"""ResidualMLP in PyTorch: Linear + ReLU in, two residual blocks, a linear head; MSE, Adam(0.01)."""

import torch
import torch.nn.functional as F
from torch import nn


class ResidualBlock(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc = nn.Linear(width, width)

    def forward(self, x):
        return F.relu(x + self.fc(x))   # BUG: return x + F.relu(self.fc(x))


class ResidualMLP(nn.Module):
    def __init__(self, n_in=6, width=8, n_out=2, blocks=2):
        super().__init__()
        self.inp = nn.Linear(n_in, width)
        self.blocks = nn.Sequential(*[ResidualBlock(width) for _ in range(blocks)])
        self.head = nn.Linear(width, n_out)

    def forward(self, x):
        return self.head(self.blocks(F.relu(self.inp(x))))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
