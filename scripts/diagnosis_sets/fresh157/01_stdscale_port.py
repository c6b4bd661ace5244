"""PyTorch port of vae_numpy.py: a small VAE with a Bernoulli decoder, trained with Adam.

y carries the fixed reparameterisation noise eps (N, n_latent).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class VAE(nn.Module):
    def __init__(self, n_in=12, n_hidden=16, n_latent=3, beta=0.8):
        super().__init__()
        self.beta = beta
        self.enc = nn.Linear(n_in, n_hidden)
        self.fc_mu = nn.Linear(n_hidden, n_latent)
        self.fc_logvar = nn.Linear(n_hidden, n_latent)
        self.dec1 = nn.Linear(n_latent, n_hidden)
        self.dec2 = nn.Linear(n_hidden, n_in)

    def encode(self, x):
        h = torch.tanh(self.enc(x))
        return self.fc_mu(h), self.fc_logvar(h)

    def reparameterize(self, mu, logvar, eps):
        std = torch.exp(logvar)
        return mu + std * eps

    def decode(self, z):
        return torch.sigmoid(self.dec2(torch.tanh(self.dec1(z))))

    def forward(self, x, eps):
        mu, logvar = self.encode(x)
        z = self.reparameterize(mu, logvar, eps)
        return self.decode(z), mu, logvar


def vae_loss(x_hat, x, mu, logvar, beta):
    recon = F.binary_cross_entropy(x_hat, x, reduction="none").sum(dim=1)
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=1)
    return (recon + beta * kl).mean()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=5e-3, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    x_hat, mu, logvar = model(X, y)
    loss = vae_loss(x_hat, X, mu, logvar, model.beta)
    loss.backward()
    optimizer.step()
    return loss.item()
