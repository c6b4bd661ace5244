"""Port with one bug (UP01): attention scores divided by d instead of sqrt(d).

PyTorch port of att_numpy.py: single-head self-attention classifier, AdamW with linear warm-up.

    tok.weight  (vocab, d)      = E
    pos         (T, d)          = P
    q.weight, k.weight, v.weight (d, d) = Wq.T, Wk.T, Wv.T
    head.weight (classes, d)    = Wo.T
    head.bias   (classes,)      = bo
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class AttnClassifier(nn.Module):
    def __init__(self, vocab=10, seq_len=6, d_model=16, n_classes=3):
        super().__init__()
        self.d_model = d_model
        self.tok = nn.Embedding(vocab, d_model)
        self.pos = nn.Parameter(torch.zeros(seq_len, d_model))
        self.q = nn.Linear(d_model, d_model, bias=False)
        self.k = nn.Linear(d_model, d_model, bias=False)
        self.v = nn.Linear(d_model, d_model, bias=False)
        self.head = nn.Linear(d_model, n_classes)

    def forward(self, X):
        x = self.tok(X) + self.pos
        q, k, v = self.q(x), self.k(x), self.v(x)
        scores = q @ k.transpose(-2, -1) / self.d_model
        attn = F.softmax(scores, dim=-1)
        h = x + attn @ v
        return self.head(h.mean(dim=1))


def make_optimizer(model, lr=1e-2, warmup=8, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01):
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, betas=betas, eps=eps,
                                  weight_decay=weight_decay)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warmup))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
