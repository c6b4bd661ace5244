"""CBOWPairs in PyTorch: nn.Embedding context and target tables and an output-bias vector, the
context vectors averaged with .mean(dim=1), F.binary_cross_entropy_with_logits (mean) on the
label, clip_grad_norm_ over all parameters and torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn

V, D, WINDOW = 24, 8, 2
LR, MAX_NORM = 0.02, 0.14


class CBOWPairs(nn.Module):
    def __init__(self):
        super().__init__()
        self.in_embed = nn.Embedding(V, D)
        self.out_embed = nn.Embedding(V, D)
        self.out_bias = nn.Parameter(torch.zeros(V))

    def forward(self, X):
        t = X[:, 0].long()
        ctx = X[:, 1:1 + 2 * WINDOW].long()
        h = self.in_embed(ctx).mean(dim=1)                       # (n, D)
        return (h * self.out_embed(t)).sum(dim=1) + self.out_bias[t]


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    s = model(X)
    loss = F.binary_cross_entropy_with_logits(s, y[:, 0])
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
