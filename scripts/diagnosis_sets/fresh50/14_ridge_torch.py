"""DesignRidge in PyTorch: one coefficient Parameter theta (6, 1) on [X, 1], the intercept last,
mean squared error + LAM * the squared slopes theta[:-1], SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1
LAM = 0.2


class DesignRidge(nn.Module):
    def __init__(self, n_in=5):
        super().__init__()
        self.theta = nn.Parameter(torch.zeros(n_in + 1, 1))

    def forward(self, x):
        A = torch.cat([x, x.new_ones(len(x), 1)], dim=1)
        return A @ self.theta


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y) + LAM * (model.theta[:-1] ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
