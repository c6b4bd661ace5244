"""InfoNCE in PyTorch: fc1 -> nn.LeakyReLU(0.1) -> fc2, F.normalize, a learnable logit scale
kept as its logarithm (an nn.Parameter scalar), logits = log_scale.exp() * u_A @ u_B.T, one
F.cross_entropy over the rows (A->B); clip_grad_norm_ before torch.optim.RMSprop(alpha=0.9)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

D, H, E = 6, 12, 6
SLOPE = 0.1
LR, ALPHA, EPS, MAX_NORM = 0.003, 0.9, 1e-8, 0.5


class InfoNCE(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, H)
        self.act = nn.LeakyReLU(SLOPE)
        self.fc2 = nn.Linear(H, E)
        self.log_scale = nn.Parameter(torch.tensor(math.log(1.0 / 0.1)))

    def embed(self, x):
        return F.normalize(self.fc2(self.act(self.fc1(x))), dim=-1)

    def forward(self, xa, xb):
        return self.log_scale.exp() * self.embed(xa) @ self.embed(xb).T


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS)


def train_step(model, optimizer, X, y):
    xa, xb = X[:, :D], X[:, D:]
    optimizer.zero_grad()
    logits = model(xa, xb)
    loss = F.cross_entropy(logits, torch.arange(len(X)))
    loss.backward()
    torch.nn.utils.clip_grad_value_(model.parameters(), MAX_NORM)  # fix: torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
