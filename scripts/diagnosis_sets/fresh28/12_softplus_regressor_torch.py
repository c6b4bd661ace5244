"""SoftplusRegressor in PyTorch: 4 -> 10 nn.Softplus -> 1, MSE, SGD with momentum 0.9."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MU = 0.05, 0.9


class SoftplusRegressor(nn.Module):
    def __init__(self, n_in=4, hidden=10):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, hidden), nn.Softplus(), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
