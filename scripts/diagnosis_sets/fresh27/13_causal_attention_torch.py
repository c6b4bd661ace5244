"""CausalAttention in PyTorch: bias-free query, key and value Linear layers, the scaled scores
with the future positions filled with -inf before the softmax, the attended values averaged
over the positions, a Linear readout; MSE, SGD(momentum=0.9) at 0.1."""

import math

import torch
import torch.nn.functional as F
from torch import nn

N_FEAT, D, T = 3, 4, 4


class CausalAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.query = nn.Linear(N_FEAT, D, bias=False)
        self.key = nn.Linear(N_FEAT, D, bias=False)
        self.value = nn.Linear(N_FEAT, D, bias=False)
        self.readout = nn.Linear(D, 1)
        self.register_buffer("future", torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1))

    def forward(self, x):
        q, k, v = self.query(x), self.key(x), self.value(x)
        scores = (q @ k.transpose(1, 2)) / math.sqrt(D)
        attn = torch.softmax(scores.masked_fill(self.future, float("-inf")), dim=-1)
        return self.readout((attn @ v).mean(dim=1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
