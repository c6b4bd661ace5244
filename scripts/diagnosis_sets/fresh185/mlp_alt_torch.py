"""Another PyTorch port of mlp_numpy.py: the partition function by brute force.

With K = 4 tags and T = 6 tokens there are only 4**6 = 4096 tag sequences, so log Z is
taken as a log-sum-exp over the scores of every one of them (the same score function as
the gold path), with no forward recursion at all. The MLP is an nn.Sequential.

Parameters: mlp.0.weight = W1.T, mlp.0.bias = b1, mlp.2.weight = W2.T, mlp.2.bias = b2,
trans = trans, start = start, end = end.  Training: torch.optim.SGD(lr=0.1, momentum=0.9).
"""

import itertools

import torch
import torch.nn as nn


class BruteForceCRFTagger(nn.Module):
    def __init__(self, n_feat=5, seq_len=6, hidden=12, n_tags=4):
        super().__init__()
        self.n_feat, self.seq_len = n_feat, seq_len
        self.mlp = nn.Sequential(nn.Linear(n_feat, hidden), nn.Tanh(), nn.Linear(hidden, n_tags))
        self.trans = nn.Parameter(torch.zeros(n_tags, n_tags))
        self.start = nn.Parameter(torch.zeros(n_tags))
        self.end = nn.Parameter(torch.zeros(n_tags))
        paths = list(itertools.product(range(n_tags), repeat=seq_len))
        self.register_buffer("paths", torch.tensor(paths, dtype=torch.long), persistent=False)

    def forward(self, X):
        return self.mlp(X.reshape(-1, self.seq_len, self.n_feat))

    def scores(self, em, paths):
        """em (N, T, K), paths (P, T) -> (N, P): the score of every path for every sequence."""
        T = em.shape[1]
        s = self.start[paths[:, 0]] + self.end[paths[:, -1]]
        s = s + self.trans[paths[:, :-1], paths[:, 1:]].sum(dim=1)
        e = em[:, torch.arange(T)[None, :], paths].sum(dim=2)             # (N, P)
        return e + s

    def loss(self, X, y):
        em = self(X)
        log_z = torch.logsumexp(self.scores(em, self.paths), dim=1)
        gold = torch.stack([self.scores(em[n:n + 1], y[n:n + 1])[0, 0] for n in range(len(y))])
        return (log_z - gold).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.loss(X, y)
    loss.backward()
    optimizer.step()
    return loss.item()
