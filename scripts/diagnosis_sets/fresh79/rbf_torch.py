"""RBFNet in PyTorch: centres and log-widths as nn.Parameters, phi = exp(-|x - c|^2 / (2 s^2)) with
s = exp(log_width), an nn.Linear(K, 1) output; F.mse_loss; torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn

D, K = 4, 8
LR = 0.05


class RBFNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.centres = nn.Parameter(torch.randn(K, D))
        self.log_width = nn.Parameter(torch.full((K,), 0.4))
        self.out = nn.Linear(K, 1)

    def forward(self, X):
        d2 = ((X[:, None, :] - self.centres[None, :, :]) ** 2).sum(dim=-1)
        var = torch.exp(2.0 * self.log_width)
        phi = torch.exp(-d2 / (2.0 * var))
        return self.out(phi)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
