"""Correct variant of gvae_torch.py: the Gaussian-decoder VAE port written with raw parameters.

Every weight is an nn.Parameter kept (in, out) like the NumPy program (x @ W + b), named as
the NumPy attributes; the KL term comes from torch.distributions.kl_divergence between
Normal(mu, exp(logvar / 2)) and Normal(0, 1); the reconstruction as a squared L2 norm.
"""

import torch
import torch.nn as nn
from torch.distributions import Normal, kl_divergence


class GaussianVAE(nn.Module):
    def __init__(self, n_in=8, hidden=10, latent=2):
        super().__init__()
        shapes = {"enc": (n_in, hidden), "mu": (hidden, latent), "lv": (hidden, latent),
                  "dec": (latent, hidden), "out": (hidden, n_in)}
        for name, (a, b) in shapes.items():
            self.register_parameter(f"W_{name}", nn.Parameter(torch.randn(a, b) * 0.3))
            self.register_parameter(f"b_{name}", nn.Parameter(torch.zeros(b)))

    def forward(self, x, eps):
        h = torch.tanh(x @ self.W_enc + self.b_enc)
        mu = h @ self.W_mu + self.b_mu
        logvar = h @ self.W_lv + self.b_lv
        q = Normal(mu, torch.exp(0.5 * logvar))
        z = q.loc + q.scale * eps
        xhat = torch.tanh(z @ self.W_dec + self.b_dec) @ self.W_out + self.b_out
        return xhat, q


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=5e-3, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    xhat, q = model(X, y)
    prior = Normal(torch.zeros_like(q.loc), torch.ones_like(q.scale))
    recon = 0.5 * torch.linalg.vector_norm(xhat - X, dim=1).pow(2)
    kl = kl_divergence(q, prior).sum(dim=1)
    loss = (recon + kl).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
