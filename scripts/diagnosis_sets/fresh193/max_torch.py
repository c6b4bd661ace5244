"""PyTorch port of max_numpy.py: DeepSets classifier with a masked max pool.

phi = phi1 -> ReLU -> phi2 on every element; padding filled with -inf, max over the set
(torch routes the gradient to the argmax); rho = rho1 -> ReLU -> out. Cross-entropy,
Adam(lr 0.01, weight_decay 5e-4).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DeepSetMax(nn.Module):
    def __init__(self, d_in=2, hidden=24, latent=16, rho_hidden=16, classes=3):
        super().__init__()
        self.phi1 = nn.Linear(d_in, hidden)
        self.phi2 = nn.Linear(hidden, latent)
        self.rho1 = nn.Linear(latent, rho_hidden)
        self.out = nn.Linear(rho_hidden, classes)

    def forward(self, X):
        x, mask = X[..., :-1], X[..., -1]
        e = self.phi2(F.relu(self.phi1(x)))
        e = e.masked_fill(mask.unsqueeze(-1) == 0, float("-inf"))
        pooled, _ = e.max(dim=1)
        return self.out(F.relu(self.rho1(pooled)))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=5e-4)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
