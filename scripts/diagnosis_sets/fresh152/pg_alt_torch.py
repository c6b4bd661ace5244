"""A second PyTorch port of pg_numpy.py (REINFORCE with a learned baseline), written differently
from pg_torch.py but computing the same thing.

The discounted returns come from one matrix product: D[t, k] = gamma^(k - t) for k >= t in the
same episode (built from the done flags), G = D @ r. The log-probabilities are
logits - logsumexp(logits); the baseline loss is written out as 0.5 * mean of squares; the
learning-rate schedule is a LambdaLR with the same halving every 8 steps.

Parameters: body.0.weight = W1, body.0.bias = b1, head.weight = W2, head.bias = b2,
baseline.weight = Wv, baseline.bias = bv.
"""

import torch
import torch.nn as nn


class ReinforceAlt(nn.Module):
    def __init__(self, gamma=0.95):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 8), nn.Tanh())
        self.head = nn.Linear(8, 3)
        self.baseline = nn.Linear(4, 1)
        self.gamma = gamma

    def forward(self, s):
        return self.head(self.body(s))


def discount_matrix(done, gamma):
    n = done.shape[0]
    episode = torch.cat([done.new_zeros(1), torch.cumsum(done, 0)[:-1]])
    idx = torch.arange(n, dtype=done.dtype)
    lag = idx[None, :] - idx[:, None]
    same = (episode[None, :] == episode[:, None]) & (lag >= 0)
    return torch.where(same, gamma ** lag.clamp(min=0), torch.zeros_like(lag))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda k: 0.5 ** (k // 8))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    s, r, done = X[:, :4], X[:, 4], X[:, 5]
    G = discount_matrix(done, model.gamma) @ r
    mu = G.mean()
    sigma = ((G - mu) ** 2).mean().sqrt()
    Gn = (G - mu) / (sigma + 1e-8)

    logits = model(s)
    logp = logits - torch.logsumexp(logits, dim=1, keepdim=True)
    logp_a = logp[torch.arange(len(y)), y.long()]
    V = model.baseline(s)[:, 0]
    with torch.no_grad():
        adv = Gn - V
    loss = -(logp_a * adv).mean() + 0.5 * ((V - Gn) ** 2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
