"""PyTorch port of mean_numpy.py: Deep Sets regression with masked mean pooling.

    phi.0.weight (16, 2)  = W1.T     phi.0.bias = b1
    phi.2.weight (16, 16) = W2.T     phi.2.bias = b2
    rho.0.weight (16, 16) = W3.T     rho.0.bias = b3
    rho.2.weight (1, 16)  = W4.T     rho.2.bias = b4
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class MeanDeepSet(nn.Module):
    def __init__(self, n_feat=2, hidden=16, embed=16):
        super().__init__()
        self.phi = nn.Sequential(nn.Linear(n_feat, hidden), nn.ReLU(),
                                 nn.Linear(hidden, embed), nn.Tanh())
        self.rho = nn.Sequential(nn.Linear(embed, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, X):
        x, mask = X[..., :2], X[..., 2:3]
        e = self.phi(x)                                   # (N, S, E)
        pooled = (e * mask).mean(dim=1)                   # masked mean
        return self.rho(pooled).squeeze(-1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
