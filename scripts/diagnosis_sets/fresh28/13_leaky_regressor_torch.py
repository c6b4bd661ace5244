"""LeakyRegressor in PyTorch: 3 -> 12 -> 12 -> 2 with nn.LeakyReLU(0.1), MSE, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR, ALPHA = 0.05, 0.1


class LeakyRegressor(nn.Module):
    def __init__(self, sizes=(3, 12, 12, 2)):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(sizes[0], sizes[1]), nn.LeakyReLU(ALPHA),
            nn.Linear(sizes[1], sizes[2]), nn.LeakyReLU(ALPHA),
            nn.Linear(sizes[2], sizes[3]),
        )

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
