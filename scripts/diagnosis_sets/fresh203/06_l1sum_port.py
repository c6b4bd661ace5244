"""PyTorch port of l1_numpy.py: untied ReLU sparse autoencoder with an L1 penalty on the codes.

    enc.weight (n_feat, n_in) = W_enc.T, enc.bias = b_enc
    dec.weight (n_in, n_feat) = W_dec.T (no bias), b_dec (n_in,) a parameter of its own
torch.optim.Adam; after each step the columns of dec.weight are rescaled to unit norm.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

LAM = 0.1


class SparseAutoencoder(nn.Module):
    def __init__(self, n_in=16, n_feat=32):
        super().__init__()
        self.enc = nn.Linear(n_in, n_feat)
        self.dec = nn.Linear(n_feat, n_in, bias=False)
        self.b_dec = nn.Parameter(torch.zeros(n_in))

    def forward(self, x):
        f = F.relu(self.enc(x - self.b_dec))
        x_hat = self.dec(f) + self.b_dec
        return f, x_hat


def sae_loss(x, f, x_hat, lam=LAM):
    recon = (x_hat - x).pow(2).sum(dim=1).mean()
    sparsity = f.abs().sum()
    return recon + lam * sparsity


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=5e-3, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    f, x_hat = model(X)
    loss = sae_loss(X, f, x_hat)
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        w = model.dec.weight
        w.div_(w.norm(dim=0, keepdim=True))
    return loss.item()
