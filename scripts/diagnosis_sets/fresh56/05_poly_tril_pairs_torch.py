"""PolyRegressor in PyTorch: the pair products through torch.triu_indices(offset=1), MSE, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.05


class PolyRegressor(nn.Module):
    def __init__(self, d=3, h=4):
        super().__init__()
        self.A = nn.Parameter(torch.randn(d, h) * 0.6)
        self.w = nn.Parameter(torch.randn(2 * h + h * (h - 1) // 2, 1) * 0.3)
        self.b = nn.Parameter(torch.zeros(1))
        self.h = h

    def forward(self, X):
        z = X @ self.A
        I, J = torch.tril_indices(self.h, self.h, offset=-1)  # fix: I, J = torch.triu_indices(self.h, self.h, offset=1)
        feats = torch.cat([z, z ** 2, z[:, I] * z[:, J]], dim=1)
        return feats @ self.w + self.b


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
