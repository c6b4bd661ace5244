"""PyTorch port of gvae_numpy.py: a Gaussian-decoder VAE trained with RMSprop.

encoder = nn.Sequential(Linear(8, 10), Tanh()); heads mu, logvar = Linear(10, 2);
decoder = nn.Sequential(Linear(2, 10), Tanh(), Linear(10, 8)).
    encoder.0.weight = W_enc.T, mu.weight = W_mu.T, logvar.weight = W_lv.T,
    decoder.0.weight = W_dec.T, decoder.2.weight = W_out.T (biases as they are)
"""

import torch
import torch.nn as nn


class GaussianVAE(nn.Module):
    def __init__(self, n_in=8, hidden=10, latent=2):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(n_in, hidden), nn.Tanh())
        self.mu = nn.Linear(hidden, latent)
        self.logvar = nn.Linear(hidden, latent)
        self.decoder = nn.Sequential(nn.Linear(latent, hidden), nn.Tanh(), nn.Linear(hidden, n_in))

    def forward(self, x, eps):
        h = self.encoder(x)
        mu, logvar = self.mu(h), self.logvar(h)
        z = mu + torch.exp(logvar / 2) * eps
        return self.decoder(z), mu, logvar


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=5e-3, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    xhat, mu, logvar = model(X, y)
    recon = 0.5 * ((xhat - X) ** 2).sum(dim=1).mean()
    kl = 0.5 * (mu ** 2 + logvar.exp() - 1 - logvar).sum(dim=1).mean()
    loss = recon + kl
    loss.backward()
    optimizer.step()
    return loss.item()
