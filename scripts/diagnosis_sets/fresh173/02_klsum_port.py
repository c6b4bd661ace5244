"""PyTorch port of vae_numpy.py: a VAE with a Bernoulli decoder, trained with Adam.

Parameters and their NumPy counterparts (nn.Linear keeps weight as (out, in)):
    enc.weight = We.T, enc.bias = be, fc_mu.* = Wmu.T / bmu, fc_logvar.* = Wlv.T / blv,
    dec.weight = Wd.T, dec.bias = bd, out.weight = Wo.T, out.bias = bo
y carries the reparameterisation noise eps, drawn once and shared with the NumPy program.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class BernoulliVAE(nn.Module):
    def __init__(self, n_in=12, hidden=16, latent=3):
        super().__init__()
        self.enc = nn.Linear(n_in, hidden)
        self.fc_mu = nn.Linear(hidden, latent)
        self.fc_logvar = nn.Linear(hidden, latent)
        self.dec = nn.Linear(latent, hidden)
        self.out = nn.Linear(hidden, n_in)

    def encode(self, x):
        h = torch.tanh(self.enc(x))
        return self.fc_mu(h), self.fc_logvar(h)

    def reparameterize(self, mu, logvar, eps):
        std = torch.exp(0.5 * logvar)
        return mu + std * eps

    def decode(self, z):
        return self.out(torch.tanh(self.dec(z)))

    def forward(self, x, eps):
        mu, logvar = self.encode(x)
        z = self.reparameterize(mu, logvar, eps)
        return self.decode(z), mu, logvar


def vae_loss(logits, x, mu, logvar):
    n = x.shape[0]
    rec = F.binary_cross_entropy_with_logits(logits, x, reduction="sum") / n
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return rec + kl


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=5e-3, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits, mu, logvar = model(X, y)
    loss = vae_loss(logits, X, mu, logvar)
    loss.backward()
    optimizer.step()
    return loss.item()
