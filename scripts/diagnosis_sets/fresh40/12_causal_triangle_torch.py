"""CausalRegressor in PyTorch: a Linear embedding, the sinusoidal positional encoding as a buffer
(the Annotated Transformer's PositionalEncoding, without dropout), one causal attention head with
bias-free q/k/v Linear layers and a Linear output projection, a residual, a Linear read-out at
every position. MSE, Adam at 0.01."""

import math

import torch
import torch.nn.functional as F
from torch import nn

T, F_IN, D = 5, 3, 8


def positional_encoding(length, d):
    position = torch.arange(length).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d, 2) * (-math.log(10000.0) / d))
    pe = torch.stack([torch.sin(position * div_term), torch.cos(position * div_term)], dim=2).flatten(1)
    return pe


class CausalRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(F_IN, D)
        self.register_buffer("pe", positional_encoding(T, D))
        self.register_buffer("tril", torch.tril(torch.ones(T, T)))
        self.query = nn.Linear(D, D, bias=False)
        self.key = nn.Linear(D, D, bias=False)
        self.value = nn.Linear(D, D, bias=False)
        self.proj = nn.Linear(D, D)
        self.readout = nn.Linear(D, 1)

    def forward(self, x):
        x = self.embed(x) + self.pe
        q, k, v = self.query(x), self.key(x), self.value(x)
        wei = q @ k.transpose(-2, -1) * D ** -0.5
        wei = wei.masked_fill(self.tril == 0, float("-inf"))
        wei = F.softmax(wei, dim=-1)
        h = x + self.proj(wei @ v)
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
