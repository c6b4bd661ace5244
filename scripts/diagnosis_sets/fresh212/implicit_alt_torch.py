"""A second port of implicit_numpy.py: the tables are raw nn.Parameters indexed directly, the
biases 1-D, and the logistic loss written out as softplus(s) - y s. torch.optim.Adagrad.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ImplicitMFAlt(nn.Module):
    def __init__(self, n_users=20, n_items=30, k=8):
        super().__init__()
        self.g = nn.Parameter(torch.tensor(0.0))
        self.user_vecs = nn.Parameter(0.1 * torch.randn(n_users, k))
        self.item_vecs = nn.Parameter(0.1 * torch.randn(n_items, k))
        self.user_b = nn.Parameter(torch.zeros(n_users))
        self.item_b = nn.Parameter(torch.zeros(n_items))

    def forward(self, users, items):
        return (self.g + self.user_b[users] + self.item_b[items]
                + torch.einsum("nk,nk->n", self.user_vecs[users], self.item_vecs[items]))


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1, eps=1e-10)


def train_step(model, optimizer, X, y, lam=0.02):
    users, items = X[:, 0], X[:, 1]
    optimizer.zero_grad()
    s = model(users, items)
    data_loss = (F.softplus(s) - y * s).mean()
    rows = torch.cat([model.user_vecs[users].flatten(), model.item_vecs[items].flatten(),
                      model.user_b[users], model.item_b[items]])
    loss = data_loss + lam * rows.pow(2).sum() / len(y)
    loss.backward()
    optimizer.step()
    return float(loss)
