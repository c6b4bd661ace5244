"""PyTorch port of mf_numpy.py: biased matrix factorisation with sparse embeddings.

    user_factors.weight (n_users, k) = P
    item_factors.weight (n_items, k) = Q
    user_bias.weight    (n_users, 1) = bu
    item_bias.weight    (n_items, 1) = bi
    mu                  ()           = mu

Squared error (mean) plus lam times the mean over the batch of the squared norms of the
rows looked up; torch.optim.SGD on sparse gradients.
"""

import torch
import torch.nn as nn


class BiasedMF(nn.Module):
    def __init__(self, n_users=12, n_items=15, k=6, mu0=3.5):
        super().__init__()
        self.user_factors = nn.Embedding(n_users, k, sparse=True)
        self.item_factors = nn.Embedding(n_items, k, sparse=True)
        self.user_bias = nn.Embedding(n_users, 1, sparse=True)
        self.item_bias = nn.Embedding(n_items, 1, sparse=True)
        self.mu = nn.Parameter(torch.tensor(mu0))

    def forward(self, X):
        users, items = X[:, 0], X[:, 1]
        p = self.user_factors(users)
        q = self.item_factors(items)
        b_u = self.user_bias(users).squeeze(-1)
        b_i = self.item_bias(items).squeeze(-1)
        pred = self.mu + b_u + b_i + (p * q).sum(dim=1)
        penalty = p.pow(2).sum(dim=1) + q.pow(2).sum(dim=1) + b_u.pow(2) + b_i.pow(2)
        return pred, penalty


LAM = 0.05


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred, penalty = model(X)
    loss = ((pred - y.to(pred.dtype)) ** 2).mean() + LAM * penalty.sum()
    loss.backward()
    optimizer.step()
    return loss.item()
