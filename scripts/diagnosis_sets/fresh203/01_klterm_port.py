"""PyTorch port of kl_numpy.py: tied-weight sparse autoencoder with a KL sparsity penalty.

The tied weight is kept as W (n_hidden, n_in), the nn.Linear layout: encoder F.linear(x, W),
decoder F.linear(h, W.t()). NumPy's W (n_in, n_hidden) is W.T here.
torch.optim.SGD with momentum 0.9; after each step every row of W (a decoder column) is
rescaled to unit norm.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class TiedKLAutoencoder(nn.Module):
    def __init__(self, n_in=16, n_hidden=24, rho=0.05, beta=0.5):
        super().__init__()
        self.W = nn.Parameter(torch.randn(n_hidden, n_in) * 0.3)
        self.b1 = nn.Parameter(torch.zeros(n_hidden))
        self.b2 = nn.Parameter(torch.zeros(n_in))
        self.rho = rho
        self.beta = beta

    def forward(self, x):
        h = torch.sigmoid(F.linear(x, self.W, self.b1))
        x_hat = F.linear(h, self.W.t(), self.b2)
        return h, x_hat

    def loss(self, x):
        h, x_hat = self(x)
        recon = 0.5 * ((x_hat - x) ** 2).sum() / x.shape[0]
        rho, rho_hat = self.rho, h.mean(dim=0)
        kl = (rho * torch.log(rho / rho_hat)).sum()
        return recon + self.beta * kl

    @torch.no_grad()
    def normalize_decoder(self):
        self.W.div_(self.W.norm(dim=1, keepdim=True))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.loss(X)
    loss.backward()
    optimizer.step()
    model.normalize_decoder()
    return loss.item()
