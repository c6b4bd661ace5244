"""The score-matching port of dsm_torch.py written in another style: raw nn.Parameters kept in
the (in, out) layout and applied with torch.addmm, the sigma ladder from torch.logspace, the
Fourier features with torch.outer, the conditioning by torch.hstack, the weighted loss as
0.5 * mean ||sigma * (s - target)||^2 with torch.linalg.vector_norm, SGD(momentum) built with
foreach=False and gradients zeroed with set_to_none=False."""

import math

import torch
from torch import nn

L, HIDDEN = 8, 24
LR, MU = 0.05, 0.9

SIGMA_LADDER = torch.logspace(0.0, math.log10(0.05), L, dtype=torch.float64)
FREQS = torch.tensor([0.25, 0.5, 1.0, 2.0], dtype=torch.float64)


class RawScoreNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(2 + 2 * len(FREQS), HIDDEN) * 0.3)
        self.b1 = nn.Parameter(torch.zeros(HIDDEN))
        self.W2 = nn.Parameter(torch.randn(HIDDEN, HIDDEN) * 0.2)
        self.b2 = nn.Parameter(torch.zeros(HIDDEN))
        self.W3 = nn.Parameter(torch.randn(HIDDEN, 2) * 0.2)
        self.b3 = nn.Parameter(torch.zeros(2))

    def forward(self, x_noisy, sigma):
        ang = torch.outer(sigma.log(), FREQS) * (2.0 * math.pi)
        h = torch.hstack([x_noisy, ang.sin().to(x_noisy.dtype), ang.cos().to(x_noisy.dtype)])
        h = torch.tanh(torch.addmm(self.b1, h, self.W1))
        h = torch.tanh(torch.addmm(self.b2, h, self.W2))
        return torch.addmm(self.b3, h, self.W3) / sigma.to(x_noisy.dtype).view(-1, 1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, foreach=False)


def train_step(model, optimizer, X, y):
    sigma = SIGMA_LADDER[X[:, 2].to(torch.int64)]
    s = sigma.to(X.dtype).view(-1, 1)
    x_noisy = X[:, :2] + s * y
    optimizer.zero_grad(set_to_none=False)
    score = model(x_noisy, sigma)
    loss = 0.5 * torch.linalg.vector_norm(s * (score + y / s), dim=1).pow(2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
