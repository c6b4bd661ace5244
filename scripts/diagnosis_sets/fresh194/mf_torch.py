"""PyTorch port of mf_numpy.py: BPR matrix factorisation.

user_emb.weight (n_users, k) = P, item_emb.weight (n_items, k) = Q,
item_bias.weight (n_items, 1) = b_item as a column.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

REG = 0.05


class BPRMF(nn.Module):
    def __init__(self, n_users=12, n_items=20, k=8):
        super().__init__()
        self.user_emb = nn.Embedding(n_users, k)
        self.item_emb = nn.Embedding(n_items, k)
        self.item_bias = nn.Embedding(n_items, 1)
        nn.init.normal_(self.user_emb.weight, std=0.1)
        nn.init.normal_(self.item_emb.weight, std=0.1)
        nn.init.zeros_(self.item_bias.weight)

    def score(self, users, items):
        return (self.user_emb(users) * self.item_emb(items)).sum(dim=-1) \
            + self.item_bias(items).squeeze(-1)

    def forward(self, X):
        users, pos, neg = X[:, 0], X[:, 1], X[:, 2]
        return self.score(users, pos) - self.score(users, neg)


def bpr_loss(model, X):
    users, pos, neg = X[:, 0], X[:, 1], X[:, 2]
    x = model(X)
    l2 = model.user_emb(users).pow(2).sum() + model.item_emb(pos).pow(2).sum() \
        + model.item_emb(neg).pow(2).sum()
    return -F.logsigmoid(x).mean() + 0.5 * REG * l2 / X.shape[0]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=1.0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = bpr_loss(model, X)
    loss.backward()
    optimizer.step()
    return loss.item()
