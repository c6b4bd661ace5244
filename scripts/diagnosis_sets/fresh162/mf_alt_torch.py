"""Another PyTorch port of mf_numpy.py (correct): plain nn.Parameter tables indexed
directly, one-dimensional bias vectors, F.mse_loss, dense gradients, torch.optim.SGD.

    P (n_users, k), Q (n_items, k), b_user (n_users,), b_item (n_items,), global_mean ()
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class MFPort(nn.Module):
    def __init__(self, n_users=12, n_items=15, k=6, lam=0.05):
        super().__init__()
        self.P = nn.Parameter(torch.randn(n_users, k) * 0.3)
        self.Q = nn.Parameter(torch.randn(n_items, k) * 0.3)
        self.b_user = nn.Parameter(torch.zeros(n_users))
        self.b_item = nn.Parameter(torch.zeros(n_items))
        self.global_mean = nn.Parameter(torch.tensor(3.5))
        self.lam = lam

    def forward(self, X):
        u, i = X[:, 0], X[:, 1]
        return self.global_mean + self.b_user[u] + self.b_item[i] + torch.einsum(
            "nk,nk->n", self.P[u], self.Q[i])

    def l2(self, X):
        u, i = X[:, 0], X[:, 1]
        rows = torch.cat([self.P[u], self.Q[i], self.b_user[u, None], self.b_item[i, None]], dim=1)
        return self.lam * rows.pow(2).sum() / X.shape[0]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred = model(X)
    loss = F.mse_loss(pred, y.to(pred.dtype)) + model.l2(X)
    loss.backward()
    optimizer.step()
    return loss.item()
