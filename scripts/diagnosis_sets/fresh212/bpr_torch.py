"""PyTorch port of bpr_numpy.py: BPR matrix factorization with the sampled negatives in the
data. -logsigmoid of the score margin plus L2 on the looked-up rows; plain torch.optim.SGD.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class BPRMF(nn.Module):
    def __init__(self, n_users=20, n_items=30, k=8):
        super().__init__()
        self.users = nn.Embedding(n_users, k)
        self.items = nn.Embedding(n_items, k)
        self.item_bias = nn.Embedding(n_items, 1)
        nn.init.normal_(self.users.weight, std=0.1)
        nn.init.normal_(self.items.weight, std=0.1)
        nn.init.zeros_(self.item_bias.weight)

    def forward(self, X):
        u, i, j = X.unbind(dim=1)
        pu, qi, qj = self.users(u), self.items(i), self.items(j)
        bi, bj = self.item_bias(i).squeeze(-1), self.item_bias(j).squeeze(-1)
        x_uij = (bi - bj) + (pu * (qi - qj)).sum(dim=-1)
        l2 = pu.pow(2).sum() + qi.pow(2).sum() + qj.pow(2).sum() + bi.pow(2).sum() + bj.pow(2).sum()
        return x_uij, l2


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y, lam=0.01):
    optimizer.zero_grad()
    x_uij, l2 = model(X)
    loss = -F.logsigmoid(x_uij).mean() + lam * l2 / len(X)
    loss.backward()
    optimizer.step()
    return loss.item()
