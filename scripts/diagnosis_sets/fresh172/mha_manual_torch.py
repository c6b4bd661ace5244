"""Correct variant of mha_torch.py: the same two-head CLS classifier with the attention written
out by hand (a packed nn.Linear qkv, view/transpose into heads, masked_fill with -inf, softmax,
a second nn.Linear proj), and the linear warm-up applied in train_step by setting the learning
rate of the param group before each Adam step (no scheduler).

    emb.weight  = tok,  pos = pos,  qkv.weight = W_in.T,  qkv.bias = b_in,
    proj.weight = W_out.T,  proj.bias = b_out,  head.weight = W_cls.T,  head.bias = b_cls
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

BASE_LR = 1e-2
WARMUP = 5


class ManualTwoHead(nn.Module):
    def __init__(self, vocab=12, seq_len=8, d_model=16, n_heads=2, n_classes=3):
        super().__init__()
        self.n_heads = n_heads
        self.emb = nn.Embedding(vocab, d_model)
        self.pos = nn.Parameter(torch.zeros(seq_len, d_model))
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)
        self.head = nn.Linear(d_model, n_classes)

    def forward(self, X):
        B, T = X.shape
        x = self.emb(X) + self.pos
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        hs = x.shape[-1] // self.n_heads
        q, k, v = (t.view(B, T, self.n_heads, hs).transpose(1, 2) for t in (q, k, v))
        att = (q @ k.transpose(-2, -1)) / math.sqrt(hs)
        att = att.masked_fill((X == 0)[:, None, None, :], float("-inf"))
        att = att.softmax(dim=-1)
        out = (att @ v).transpose(1, 2).reshape(B, T, -1)
        h = x + self.proj(out)
        return self.head(h[:, 0, :])


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=BASE_LR)


def train_step(model, optimizer, X, y):
    group = optimizer.param_groups[0]
    group["updates"] = group.get("updates", 0) + 1
    group["lr"] = BASE_LR * min(1.0, group["updates"] / WARMUP)
    optimizer.zero_grad(set_to_none=True)
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
