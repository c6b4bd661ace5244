"""PyTorch port of sgns_numpy.py: skip-gram with negative sampling and Adagrad.

Two sparse nn.Embedding tables (input and output vectors), a dot product per pair and
F.binary_cross_entropy_with_logits (mean) against the pair labels; torch.optim.Adagrad.

    in_embed.weight  (vocab, dim) = params['W_in']
    out_embed.weight (vocab, dim) = params['W_out']
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SkipGramNS(nn.Module):
    def __init__(self, vocab=20, dim=8):
        super().__init__()
        self.in_embed = nn.Embedding(vocab, dim, sparse=True)
        self.out_embed = nn.Embedding(vocab, dim, sparse=True)

    def forward(self, X):
        center = self.in_embed(X[:, 0])
        context = self.out_embed(X[:, 1])
        return (center * context).sum(dim=-1)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y.to(logits.dtype))
    loss.backward()
    optimizer.step()
    return loss.item()
