"""PyTorch port of mf_numpy.py: biased matrix factorization for explicit ratings.

Embedding tables for the user and item factors and biases; the global mean is a constant.
MSE plus L2 on the embedding rows looked up in the batch; torch.optim.SGD with momentum.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class BiasedMF(nn.Module):
    def __init__(self, n_users=20, n_items=30, k=8, global_mean=3.4625):
        super().__init__()
        self.user_factors = nn.Embedding(n_users, k)
        self.item_factors = nn.Embedding(n_items, k)
        self.user_bias = nn.Embedding(n_users, 1)
        self.item_bias = nn.Embedding(n_items, 1)
        nn.init.normal_(self.user_factors.weight, std=0.1)
        nn.init.normal_(self.item_factors.weight, std=0.1)
        nn.init.zeros_(self.user_bias.weight)
        nn.init.zeros_(self.item_bias.weight)
        self.global_mean = global_mean
        self.lam = 0.05

    def forward(self, X):
        u, i = X[:, 0], X[:, 1]
        self._rows = (self.user_factors(u), self.item_factors(i),
                      self.user_bias(u).squeeze(1), self.item_bias(i).squeeze(1))
        pu, qi, bu, bi = self._rows
        return self.global_mean + bu + bi + (pu * qi).sum(dim=1)

    def l2(self):
        pu, qi, bu, bi = self._rows
        return (pu.pow(2).sum() + qi.pow(2).sum() + bu.pow(2).sum() + bi.pow(2).sum()) / pu.shape[0]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred = model(X)
    loss = F.mse_loss(pred, y) + model.lam * model.l2()
    loss.backward()
    optimizer.step()
    return loss.item()
