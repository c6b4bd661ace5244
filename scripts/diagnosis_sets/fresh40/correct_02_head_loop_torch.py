"""HeadLoopRegressor in PyTorch: a Linear embedding plus the sinusoidal encoding (a buffer), one
bias-free Linear(8, 24) chunked into queries, keys and values of two heads,
F.scaled_dot_product_attention(is_causal=True), the heads merged and projected, a residual, a
Linear read-out at every position. MSE, torch.optim.AdamW(lr=0.01, weight_decay=0.01)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

T, F_IN, D, H = 5, 3, 8, 2
DH = D // H


class HeadLoopRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(F_IN, D)
        position = torch.arange(T, dtype=torch.float64).unsqueeze(1)
        div_term = torch.exp(torch.arange(0, D, 2, dtype=torch.float64) * (-math.log(10000.0) / D))
        pe = torch.zeros(T, D, dtype=torch.float64)
        pe[:, 0::2] = torch.sin(position * div_term)
        pe[:, 1::2] = torch.cos(position * div_term)
        self.register_buffer("pe", pe.float())
        self.qkv = nn.Linear(D, 3 * D, bias=False)
        self.o = nn.Linear(D, D)
        self.r = nn.Linear(D, 1)

    def forward(self, X):
        n = X.shape[0]
        x = self.embed(X) + self.pe
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        q, k, v = (t.unflatten(-1, (H, DH)).transpose(1, 2) for t in (q, k, v))
        ctx = F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(1, 2).reshape(n, T, D)
        return self.r(x + self.o(ctx))


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
