"""PaddedMHA in PyTorch with a fused projection, as in nanoGPT: one nn.Linear(D, 3D) makes the
queries, keys and values, viewed into two heads and unbound; padding keys filled with -inf,
softmax over the keys, the heads merged and projected, a residual, the mean over the real
tokens, a Linear classifier. Cross-entropy, SGD with momentum 0.9 at 0.1."""

import math

import torch
import torch.nn.functional as F
from torch import nn

VOCAB, T, D, H, C, PAD = 10, 5, 8, 2, 3, 0
DH = D // H


class PaddedMHA(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(VOCAB, D)
        self.pos = nn.Parameter(torch.randn(T, D) * 0.3)
        self.qkv = nn.Linear(D, 3 * D)
        self.proj = nn.Linear(D, D)
        self.classifier = nn.Linear(D, C)

    def forward(self, tokens):
        n = tokens.size(0)
        keep = tokens != PAD
        x = self.emb(tokens) + self.pos
        qkv = self.qkv(x).view(n, T, H, 3, DH).permute(3, 0, 2, 1, 4)   # fix: qkv = self.qkv(x).view(n, T, 3, H, DH).permute(2, 0, 3, 1, 4)
        q, k, v = qkv.unbind(0)
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(DH))
        att = att.masked_fill(~keep[:, None, None, :], float("-inf"))
        att = F.softmax(att, dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(n, T, D)
        h = x + self.proj(y)
        w = keep.unsqueeze(-1).to(x.dtype)
        return self.classifier((h * w).sum(1) / w.sum(1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
