"""TiedLM in PyTorch: one nn.Embedding used twice, for the lookup and (through F.linear) as the
output projection, so autograd adds its two gradients; the output bias is a separate Parameter.
F.cross_entropy, torch.optim.Adagrad(lr=0.1)."""

import torch
import torch.nn.functional as F
from torch import nn


class TiedLM(nn.Module):
    def __init__(self, vocab=12, dim=8):
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.proj = nn.Linear(dim, dim)
        self.out_bias = nn.Parameter(torch.zeros(vocab))

    def forward(self, tokens):
        h = torch.tanh(self.proj(self.emb(tokens).mean(dim=1)))
        return F.linear(h, self.emb.weight, self.out_bias)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
