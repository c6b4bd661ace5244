"""MixedMLP in PyTorch: Linear -> LeakyReLU(0.1) -> Linear -> ELU -> Linear -> Softplus -> Linear,
MSE, SGD with momentum 0.9 at lr 0.05."""

import torch
import torch.nn.functional as F
from torch import nn


class MixedMLP(nn.Module):
    def __init__(self, sizes=(4, 16, 16, 16, 2)):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(sizes[0], sizes[1]),
            nn.LeakyReLU(0.1),
            nn.Linear(sizes[1], sizes[2]),
            nn.SELU(),   # BUG: nn.ELU(),
            nn.Linear(sizes[2], sizes[3]),
            nn.Softplus(),
            nn.Linear(sizes[3], sizes[4]),
        )

    def forward(self, x):
        return self.body(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
