"""CausalMHA in PyTorch: a Linear embedding plus the sinusoidal encoding (a buffer),
nn.MultiheadAttention (two heads, batch_first) given the lower-triangular causal mask of
Karpathy's GPT (a tril buffer), a residual, a Linear read-out at every position. MSE, SGD at 0.05."""

import math

import torch
import torch.nn.functional as F
from torch import nn

T, F_IN, D, H = 5, 3, 8, 2


def positional_encoding(length, d):
    position = torch.arange(length).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d, 2) * (-math.log(10000.0) / d))
    pe = torch.zeros(length, d)
    pe[:, 0::2] = torch.sin(position * div_term)
    pe[:, 1::2] = torch.cos(position * div_term)
    return pe


class CausalMHA(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(F_IN, D)
        self.register_buffer("pe", positional_encoding(T, D))
        self.register_buffer("tril", torch.tril(torch.ones(T, T)))
        self.attn = nn.MultiheadAttention(D, H, batch_first=True)
        self.readout = nn.Linear(D, 1)

    def forward(self, x):
        x = self.embed(x) + self.pe
        a, _ = self.attn(x, x, x, attn_mask=self.tril, need_weights=False)   # fix: a, _ = self.attn(x, x, x, attn_mask=self.tril == 0, need_weights=False)
        return self.readout(x + a)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
