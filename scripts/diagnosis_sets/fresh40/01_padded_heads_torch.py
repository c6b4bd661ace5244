"""PaddedAttention in PyTorch: nn.Embedding plus a learned position Parameter, bias-free q/k/v
Linear layers split into two heads, masked_fill of the padding keys, softmax over the keys, the
heads merged and projected, a residual, a mean over the real tokens, a Linear classifier.
Cross-entropy, Adam at 0.01."""

import math

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, T, D, H, C, PAD = 10, 5, 8, 2, 3, 0
DH = D // H


class PaddedAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(VOCAB, D)
        self.pos = nn.Parameter(torch.randn(T, D) * 0.3)
        self.q_proj = nn.Linear(D, D, bias=False)
        self.k_proj = nn.Linear(D, D, bias=False)
        self.v_proj = nn.Linear(D, D, bias=False)
        self.out_proj = nn.Linear(D, D)
        self.classifier = nn.Linear(D, C)

    def split_heads(self, t):
        n = t.size(0)
        return t.view(n, H, T, DH)   # fix: return t.view(n, T, H, DH).transpose(1, 2)

    def forward(self, tokens):
        n = tokens.size(0)
        mask = tokens != PAD
        x = self.emb(tokens) + self.pos
        q, k, v = self.split_heads(self.q_proj(x)), self.split_heads(self.k_proj(x)), self.split_heads(self.v_proj(x))
        scores = q @ k.transpose(-2, -1) / math.sqrt(DH)
        scores = scores.masked_fill(~mask[:, None, None, :], -1e9)
        attn = scores.softmax(dim=-1)
        merged = (attn @ v).transpose(1, 2).reshape(n, T, D)
        h = x + self.out_proj(merged)
        pooled = (h * mask.unsqueeze(-1)).sum(dim=1) / mask.sum(dim=1, keepdim=True)
        return self.classifier(pooled)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
