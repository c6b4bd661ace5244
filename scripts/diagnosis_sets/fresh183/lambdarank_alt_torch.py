"""Another PyTorch port of lambdarank_numpy.py: raw nn.Parameters in the NumPy layout
(W1 (in, hidden), b1, w2 (hidden,)), |delta NDCG| built list by list with a scatter of the
sorted positions, the pairwise term as binary_cross_entropy_with_logits weighted by
|delta NDCG| (reduction='sum'), torch.optim.RMSprop."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class LambdaRankParams(nn.Module):
    def __init__(self, n_features=10, hidden=20, sigma=1.0):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_features, hidden) / math.sqrt(n_features))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.w2 = nn.Parameter(torch.randn(hidden) / math.sqrt(hidden))
        self.sigma = sigma

    def forward(self, X):
        return torch.tanh(X @ self.W1 + self.b1) @ self.w2          # (Q, L)


def delta_ndcg(s, y):
    s = s.detach()
    Q, L = s.shape
    out = torch.zeros(Q, L, L, dtype=s.dtype)
    log_pos = torch.log2(torch.arange(2, L + 2, dtype=s.dtype))
    for q in range(Q):
        gains = 2.0 ** y[q] - 1
        order = torch.sort(s[q], descending=True).indices
        disc = torch.empty(L, dtype=s.dtype)
        disc[order] = 1.0 / log_pos
        idcg = (torch.sort(gains, descending=True).values / log_pos).sum()
        out[q] = torch.outer(gains, torch.ones(L, dtype=s.dtype)).sub(gains).abs() \
            * (disc[:, None] - disc[None, :]).abs() / idcg
    return out


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    s = model(X)
    diff = s[:, :, None] - s[:, None, :]
    w = (y[:, :, None] > y[:, None, :]).to(s.dtype) * delta_ndcg(s, y)
    loss = F.binary_cross_entropy_with_logits(model.sigma * diff, torch.ones_like(diff),
                                              weight=w, reduction="sum") / s.shape[0]
    loss.backward()
    optimizer.step()
    return loss.item()


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=2e-3, alpha=0.99, eps=1e-8)
