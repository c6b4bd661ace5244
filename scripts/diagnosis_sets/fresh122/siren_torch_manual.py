"""PyTorch port of siren_numpy.py with its own hand-written Adam (correct).

The module as in siren_torch.py, but with one nn.Linear-free parameter per tensor as
plain attributes (W1, b1, ...) in the NumPy (in, out) layout, and no torch.optim:
train_step keeps Adam's moments in dicts on the model, computes the decayed learning
rate lr * 0.1 ** (t / 50) itself, and updates under torch.no_grad().
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class SirenManual(nn.Module):
    def __init__(self, in_dim=2, n_freq=3, hidden=32, w0=30.0, density_weight=0.1,
                 lr=1e-3, decay_rate=0.1, decay_steps=50, betas=(0.9, 0.999), eps=1e-8):
        super().__init__()
        self.n_freq, self.w0, self.density_weight = n_freq, w0, density_weight
        enc_dim = in_dim * (1 + 2 * n_freq)
        self.W1 = nn.Parameter(torch.zeros(enc_dim, hidden))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.zeros(hidden, hidden))
        self.b2 = nn.Parameter(torch.zeros(hidden))
        self.W3 = nn.Parameter(torch.zeros(hidden + enc_dim, hidden))
        self.b3 = nn.Parameter(torch.zeros(hidden))
        self.W4 = nn.Parameter(torch.zeros(hidden, 4))
        self.b4 = nn.Parameter(torch.zeros(4))
        self.lr, self.decay_rate, self.decay_steps = lr, decay_rate, decay_steps
        self.betas, self.eps = betas, eps
        self.adam_m, self.adam_v, self.t = {}, {}, 0

    def encode(self, x):
        freqs = [(2.0 ** k) * math.pi for k in range(self.n_freq)]
        return torch.cat([x] + [f(fr * x) for fr in freqs for f in (torch.sin, torch.cos)], dim=1)

    def sine(self, a, W, b):
        return torch.sin(self.w0 * (a @ W + b))

    def forward(self, x):
        e = self.encode(x)
        s = self.sine(e, self.W1, self.b1)
        s = self.sine(s, self.W2, self.b2)
        s = self.sine(torch.cat([s, e], dim=1), self.W3, self.b3)
        out = s @ self.W4 + self.b4
        return F.softplus(out[:, 0]), torch.sigmoid(out[:, 1:4])


def compute_loss(model, X, y):
    sigma, rgb = model(X)
    mask = y[:, 4]
    density = (mask * (sigma - y[:, 3]).square()).sum() / mask.sum()
    return ((rgb - y[:, :3]) ** 2).mean() + model.density_weight * density


def train_step(model, optimizer, X, y):
    """One step; `optimizer` is not used: the update is written out below."""
    for p in model.parameters():
        p.grad = None
    loss = compute_loss(model, X, y)
    loss.backward()
    beta1, beta2 = model.betas
    lr = model.lr * model.decay_rate ** (model.t / model.decay_steps)
    model.t += 1
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name not in model.adam_m:
                model.adam_m[name] = torch.zeros_like(p)
                model.adam_v[name] = torch.zeros_like(p)
            m, v = model.adam_m[name], model.adam_v[name]
            m.mul_(beta1).add_(p.grad, alpha=1 - beta1)
            v.mul_(beta2).addcmul_(p.grad, p.grad, value=1 - beta2)
            m_hat = m / (1 - beta1 ** model.t)
            v_hat = v / (1 - beta2 ** model.t)
            p -= lr * m_hat / (v_hat.sqrt() + model.eps)
    return loss.item()
