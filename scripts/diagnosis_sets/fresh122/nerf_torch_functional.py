"""PyTorch port of nerf_numpy.py written functionally (correct).

Plain nn.Parameter tensors in the NumPy (in, out) layout (W1, b1, ..., W4, b4) and
x @ W + b instead of nn.Linear; the Fourier encoding built with one broadcast over
a registered buffer of frequencies; the exponential decay as a LambdaLR giving
gamma ** t instead of ExponentialLR; the colour error written out as a mean of squares.
"""

import math

import torch
import torch.nn as nn


class NerfFunctional(nn.Module):
    def __init__(self, in_dim=3, n_freq=4, hidden=32, density_weight=0.01):
        super().__init__()
        self.density_weight = density_weight
        enc_dim = in_dim * (1 + 2 * n_freq)
        self.register_buffer("freqs", (2.0 ** torch.arange(n_freq, dtype=torch.float64)
                                       * math.pi).float())
        dims = [(enc_dim, hidden), (hidden, hidden), (hidden + enc_dim, hidden), (hidden, 4)]
        for i, (fan_in, fan_out) in enumerate(dims, start=1):
            setattr(self, f"W{i}", nn.Parameter(torch.randn(fan_in, fan_out) / math.sqrt(fan_in)))
            setattr(self, f"b{i}", nn.Parameter(torch.zeros(fan_out)))

    def encode(self, x):
        ang = x.unsqueeze(1) * self.freqs.to(x.dtype).unsqueeze(1)        # (N, L, 3)
        sc = torch.stack([ang.sin(), ang.cos()], dim=2)                  # (N, L, 2, 3)
        return torch.cat([x, sc.flatten(1)], dim=1)

    def forward(self, x):
        e = self.encode(x)
        h = torch.relu(e @ self.W1 + self.b1)
        h = torch.relu(h @ self.W2 + self.b2)
        h = torch.relu(torch.cat([h, e], dim=1) @ self.W3 + self.b3)
        out = h @ self.W4 + self.b4
        return torch.nn.functional.softplus(out[:, 0]), torch.sigmoid(out[:, 1:])


def make_optimizer(model, lr=5e-3, gamma=0.95):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: gamma ** t)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad(set_to_none=True)
    sigma, rgb = model(X)
    loss = ((rgb - y) ** 2).mean() + model.density_weight * sigma.mean()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
