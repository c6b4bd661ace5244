"""Set Transformer-style attention pooling (PMA) classifier in PyTorch: nn.Linear projections, a
learned seed query, the heads split with view + transpose, the padding keys masked with
masked_fill before the softmax, nn.LayerNorm after each residual, a ReLU feed-forward block,
F.cross_entropy and Adam."""

import math

import torch
import torch.nn.functional as F
from torch import nn

D, E, HEADS, FF, C = 3, 8, 2, 16, 3
DH = E // HEADS
LR = 0.01


class SetPool(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(D, E)
        self.seed = nn.Parameter(torch.randn(1, E))
        self.q = nn.Linear(E, E)
        self.k = nn.Linear(E, E, bias=False)
        self.v = nn.Linear(E, E)
        self.o = nn.Linear(E, E)
        self.ln1 = nn.LayerNorm(E)
        self.ff1 = nn.Linear(E, FF)
        self.ff2 = nn.Linear(FF, E)
        self.ln2 = nn.LayerNorm(E)
        self.cls = nn.Linear(E, C)

    def forward(self, X):
        x, mask = X[:, :, :D], X[:, :, D] > 0.5
        n, s = mask.shape
        h = torch.relu(self.embed(x))
        q = self.q(self.seed).view(1, HEADS, DH).transpose(0, 1)       # (heads, 1, dh)
        k = self.k(h).view(n, s, HEADS, DH).transpose(1, 2)
        v = self.v(h).view(n, s, HEADS, DH).transpose(1, 2)            # (n, heads, s, dh)
        scores = q @ k.transpose(-2, -1) / math.sqrt(DH)               # (n, heads, 1, s)
        scores = scores.masked_fill(~mask[:, None, None, :], -1e9)
        attn = torch.softmax(scores, dim=-1)
        o = (attn @ v).transpose(1, 2).reshape(n, E)
        z = self.ln1(self.seed + self.o(o))
        z = self.ln2(z + self.ff2(torch.relu(self.ff1(z))))
        return self.cls(z)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
