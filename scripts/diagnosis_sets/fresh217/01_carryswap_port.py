"""PyTorch port of hwy_numpy.py: a highway network classifier.

    inp: Linear(8, 16) + tanh; two HighwayLayer(16) (H: Linear + ReLU, T: Linear + sigmoid,
    gate bias started at -2, y = H * T + x * (1 - T)); out: Linear(16, 3).
    F.cross_entropy (mean), torch.optim.Adam(lr=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class HighwayLayer(nn.Module):
    def __init__(self, width, gate_bias=-2.0):
        super().__init__()
        self.H = nn.Linear(width, width)
        self.T = nn.Linear(width, width)
        nn.init.constant_(self.T.bias, gate_bias)

    def forward(self, x):
        h = F.relu(self.H(x))
        t = torch.sigmoid(self.T(x))
        return h * (1 - t) + x * t


class HighwayNet(nn.Module):
    def __init__(self, n_in=8, width=16, n_classes=3, n_layers=2):
        super().__init__()
        self.inp = nn.Linear(n_in, width)
        self.layers = nn.ModuleList([HighwayLayer(width) for _ in range(n_layers)])
        self.out = nn.Linear(width, n_classes)

    def forward(self, X):
        x = torch.tanh(self.inp(X))
        for layer in self.layers:
            x = layer(x)
        return self.out(x)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
