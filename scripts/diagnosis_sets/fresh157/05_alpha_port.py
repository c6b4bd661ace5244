"""PyTorch port of vae_mse_numpy.py: beta-VAE with a squared-error reconstruction, RMSprop."""

import torch
import torch.nn as nn


class BetaVAE(nn.Module):
    def __init__(self, n_in=10, n_hidden=12, n_latent=2, beta=0.5):
        super().__init__()
        self.beta = beta
        self.encoder = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Tanh(),
                                     nn.Linear(n_hidden, 2 * n_latent))
        self.decoder = nn.Sequential(nn.Linear(n_latent, n_hidden), nn.ReLU(),
                                     nn.Linear(n_hidden, n_in), nn.Sigmoid())

    def forward(self, x, eps):
        mu, logvar = self.encoder(x).chunk(2, dim=1)
        z = mu + torch.exp(0.5 * logvar) * eps
        return self.decoder(z), mu, logvar


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=2e-3, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    x_hat, mu, logvar = model(X, y)
    recon = ((x_hat - X) ** 2).sum(dim=1)
    kl = -0.5 * (1 + logvar - mu ** 2 - logvar.exp()).sum(dim=1)
    loss = (recon + model.beta * kl).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
