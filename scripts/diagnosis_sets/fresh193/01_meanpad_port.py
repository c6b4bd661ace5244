"""PyTorch port of mean_numpy.py: DeepSets regression with a masked mean pool.

phi = Linear(3, 16) -> ReLU -> Linear(16, 16) -> Tanh on every element, masked mean over the set
(the mask is the last feature of X), rho = Linear(16, 16) -> ReLU -> Linear(16, 1).
MSE loss, SGD(lr 0.05, momentum 0.9, weight_decay 1e-3).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DeepSetMean(nn.Module):
    def __init__(self, d_in=3, hidden=16, latent=16, rho_hidden=16):
        super().__init__()
        self.phi = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(),
                                 nn.Linear(hidden, latent), nn.Tanh())
        self.rho = nn.Sequential(nn.Linear(latent, rho_hidden), nn.ReLU(),
                                 nn.Linear(rho_hidden, 1))

    def forward(self, X):
        x, mask = X[..., :-1], X[..., -1:]
        e = self.phi(x) * mask
        pooled = e.mean(dim=1)
        return self.rho(pooled).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
