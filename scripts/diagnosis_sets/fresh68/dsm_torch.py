"""Denoising score matching in PyTorch: the sigma ladder as a tensor (exp of a torch.linspace in
log space), indexed by the noise-level ids, Fourier features of log sigma with torch.sin/cos
concatenated to the perturbed points, an nn.Sequential tanh MLP whose output is divided by sigma,
the sigma^2-weighted squared error against -z/sigma, torch.optim.SGD with momentum."""

import math

import torch
from torch import nn

L, N_FREQ, HIDDEN = 8, 4, 24
LR, MU = 0.05, 0.9

sigmas = torch.exp(torch.linspace(math.log(1.0), math.log(0.05), L, dtype=torch.float64))
fourier_freqs = torch.tensor([0.25, 0.5, 1.0, 2.0], dtype=torch.float64)


def noise_embedding(sigma):
    proj = 2.0 * math.pi * torch.log(sigma)[:, None] * fourier_freqs[None, :]
    return torch.cat([torch.sin(proj), torch.cos(proj)], dim=1)


class ScoreNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(2 + 2 * N_FREQ, HIDDEN), nn.Tanh(),
            nn.Linear(HIDDEN, HIDDEN), nn.Tanh(),
            nn.Linear(HIDDEN, 2),
        )

    def forward(self, x_noisy, sigma):
        h = torch.cat([x_noisy, noise_embedding(sigma).to(x_noisy.dtype)], dim=1)
        return self.net(h) / sigma.to(x_noisy.dtype)[:, None]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    x0, idx = X[:, :2], X[:, 2].long()
    sigma = sigmas[idx]
    s = sigma.to(X.dtype).unsqueeze(1)
    x_noisy = x0 + s * y
    target = -y / s
    optimizer.zero_grad()
    score = model(x_noisy, sigma)
    sq = ((score - target) ** 2).sum(dim=1, keepdim=True)
    loss = 0.5 * (s ** 2 * sq).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
