"""PyTorch port of huber_numpy.py: 5 -> 16 (LeakyReLU 0.1) -> 12 (softplus) -> 2,
F.smooth_l1_loss(beta=0.5), torch.optim.RMSprop(lr=0.005, alpha=0.9, momentum=0.9,
centered=True)."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class HuberRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(5, 16), nn.LeakyReLU(0.1),
            nn.Linear(16, 12), nn.Softplus(),
            nn.Linear(12, 2),
        )

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.005, alpha=0.9, eps=1e-8,
                               momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.smooth_l1_loss(model(X), y, beta=0.5)
    loss.backward()
    optimizer.step()
    return loss.item()
