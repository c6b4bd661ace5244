"""PyTorch port of scale_numpy.py: two towers, L2-normalised embeddings, a learnable logit scale
(exp(logit_scale) multiplies the cosine similarities), in-batch negatives with F.cross_entropy
against each query's positive item, torch.optim.Adam.

    query_tower.0 / query_tower.2   Linear(12, 32) / Linear(32, 16)   = Wq1.T, bq1 / Wq2.T, bq2
    item_tower.0 / item_tower.2     Linear(10, 32) / Linear(32, 16)   = Wi1.T, bi1 / Wi2.T, bi2
    logit_scale                     scalar                            = logit_scale
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class TwoTower(nn.Module):
    def __init__(self, query_dim=12, item_dim=10, hidden=32, embed_dim=16, temperature=0.07):
        super().__init__()
        self.query_dim = query_dim
        self.query_tower = nn.Sequential(nn.Linear(query_dim, hidden), nn.ReLU(),
                                         nn.Linear(hidden, embed_dim))
        self.item_tower = nn.Sequential(nn.Linear(item_dim, hidden), nn.ReLU(),
                                        nn.Linear(hidden, embed_dim))
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1.0 / temperature)))

    def forward(self, X):
        q = F.normalize(self.query_tower(X[:, :self.query_dim]), dim=-1)
        e = F.normalize(self.item_tower(X[:, self.query_dim:]), dim=-1)
        return self.logit_scale.exp() * q @ e.t()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=5e-3, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
