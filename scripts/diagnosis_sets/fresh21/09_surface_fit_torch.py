"""PyTorch port of SurfaceFit (09_surface_fit_numpy.py): nn.Sequential with nn.ELU, nn.MSELoss,
SGD at LR."""

import torch
from torch import nn

LR = 0.05


class SurfaceFit(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3, 12), nn.ELU(), nn.Linear(12, 10), nn.ELU(), nn.Linear(10, 1))

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
