"""TokenAttention in PyTorch: nn.Embedding plus a learned position table, one head of attention
from bias-free nn.Linear projections with the padded keys masked by masked_fill, an output
nn.Linear, the residual, a post-norm nn.LayerNorm, the mean over the non-padded positions and an
nn.Linear classifier; F.cross_entropy. torch.optim.AdamW with a LambdaLR linear warmup and linear
decay, clip_grad_norm_ before each step."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

VOCAB, T, D, K = 12, 6, 8, 3
LR, WD, MAX_NORM = 0.01, 0.01, 0.5
WARMUP, TOTAL = 2, 24
LN_EPS = 1e-5


class TokenAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(VOCAB, D)
        self.pos = nn.Parameter(torch.zeros(T, D))
        self.q = nn.Linear(D, D, bias=False)
        self.k = nn.Linear(D, D, bias=False)
        self.v = nn.Linear(D, D, bias=False)
        self.out = nn.Linear(D, D)
        self.ln = nn.LayerNorm(D, eps=LN_EPS)
        self.cls = nn.Linear(D, K)

    def forward(self, X):
        pad = X == 0
        x = self.emb(X) + self.pos
        q, k, v = self.q(x), self.k(x), self.v(x)
        scores = q @ k.transpose(1, 2) / math.sqrt(D)
        scores = scores.masked_fill(pad[:, None, :], -1e9)
        attn = torch.softmax(scores, dim=-1)
        h = self.ln(x + self.out(attn @ v))
        keep = (~pad).to(h.dtype).unsqueeze(-1)
        pooled = (h * keep).sum(dim=1) / keep.sum(dim=1)
        return self.cls(pooled)


def lr_lambda(step):
    if step < WARMUP:
        return (step + 1) / WARMUP
    return max(0.0, (TOTAL - step) / (TOTAL - WARMUP))


def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)
    scheduler = LambdaLR(optimizer, lr_lambda)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
