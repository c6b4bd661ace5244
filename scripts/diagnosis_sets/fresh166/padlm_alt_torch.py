"""Another port of padlm_numpy.py (same computation): bare nn.Parameters, the hidden weight
kept (in, out), the pad positions masked by multiplying with (X != 0) instead of padding_idx,
log_softmax + nll_loss, and the warm-up as a callable object given to LambdaLR."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class PadLMAlt(nn.Module):
    def __init__(self, vocab=30, context=4, emb_dim=6, hidden=24):
        super().__init__()
        d = context * emb_dim
        self.E = nn.Parameter(torch.randn(vocab, emb_dim))
        self.Wh = nn.Parameter(torch.empty(d, hidden).uniform_(-1, 1) / math.sqrt(d))
        self.bh = nn.Parameter(torch.zeros(hidden))
        self.Wo = nn.Parameter(torch.empty(vocab, hidden).uniform_(-1, 1) / math.sqrt(hidden))
        self.bo = nn.Parameter(torch.zeros(vocab))
        self.Wd = nn.Parameter(torch.empty(vocab, d).uniform_(-1, 1) / math.sqrt(d))

    def forward(self, X):
        mask = (X != 0).unsqueeze(-1).to(self.E.dtype)
        x = (self.E[X] * mask).reshape(X.shape[0], -1)
        h = torch.tanh(x @ self.Wh + self.bh)
        return h @ self.Wo.t() + x @ self.Wd.t() + self.bo


class Warmup:
    def __init__(self, steps):
        self.steps = steps

    def __call__(self, k):
        return 1.0 if k + 1 >= self.steps else (k + 1) / self.steps


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, Warmup(5))


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.nll_loss(F.log_softmax(model(X), dim=1), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
