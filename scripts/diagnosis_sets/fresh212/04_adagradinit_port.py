"""PyTorch port of implicit_numpy.py: logistic matrix factorization on implicit feedback with
the sampled negatives given in the data. BCE with logits plus L2 on the looked-up rows;
torch.optim.Adagrad.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ImplicitMF(nn.Module):
    def __init__(self, n_users=20, n_items=30, k=8, lam=0.02):
        super().__init__()
        self.global_bias = nn.Parameter(torch.zeros(()))
        self.P = nn.Embedding(n_users, k)
        self.Q = nn.Embedding(n_items, k)
        self.bu = nn.Embedding(n_users, 1)
        self.bi = nn.Embedding(n_items, 1)
        for emb in (self.P, self.Q):
            nn.init.normal_(emb.weight, std=0.1)
        for emb in (self.bu, self.bi):
            nn.init.zeros_(emb.weight)
        self.lam = lam

    def forward(self, X):
        u, i = X[:, 0], X[:, 1]
        pu, qi = self.P(u), self.Q(i)
        bu, bi = self.bu(u).view(-1), self.bi(i).view(-1)
        logits = self.global_bias + bu + bi + (pu * qi).sum(-1)
        reg = pu.square().sum() + qi.square().sum() + bu.square().sum() + bi.square().sum()
        return logits, reg


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, initial_accumulator_value=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits, reg = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y) + model.lam * reg / X.shape[0]
    loss.backward()
    optimizer.step()
    return loss.item()
