"""PyTorch port of ntx_numpy.py: a shared encoder trained with NT-Xent (SimCLR).

    encoder.0.weight (16, 6) = W1.T   encoder.0.bias = b1
    encoder.2.weight (8, 16) = W2.T   encoder.2.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

TAU = 0.25


class NTXentNet(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_emb=8):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Linear(hidden, n_emb))

    def forward(self, x):
        return F.normalize(self.encoder(x), dim=-1)


def nt_xent(z1, z2, pair_ids, tau=TAU):
    n = z1.shape[0]
    z = torch.cat([z1, z2], dim=0)
    sim = z @ z.t() / tau
    self_mask = torch.eye(2 * n, dtype=torch.bool, device=z.device)
    sim = sim.masked_fill(self_mask, float("-inf"))
    targets = torch.cat([pair_ids + n, pair_ids])
    return F.cross_entropy(sim, targets)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nt_xent(model(X[:, 0]), model(X[:, 1]), y)
    loss.backward()
    optimizer.step()
    return loss.item()
