"""PyTorch port of ScaledMoons (13_scaled_moons_numpy.py): per-feature minimum and maximum of the
training inputs kept as buffers, inputs scaled to [0, 1] in forward, 2 -> 8 ReLU -> 1 sigmoid,
nn.BCELoss, SGD at 0.5."""

import torch
from torch import nn


class ScaledMoons(nn.Module):
    def __init__(self, X, hidden=8):
        super().__init__()
        self.register_buffer("lo", X.amin(dim=0))
        self.register_buffer("hi", X.amax(dim=0))
        self.net = nn.Sequential(nn.Linear(X.shape[1], hidden), nn.ReLU(), nn.Linear(hidden, 1), nn.Sigmoid())
        self.loss_fn = nn.BCELoss()

    def forward(self, x):
        return self.net((x - self.lo) / (self.hi - self.lo))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
