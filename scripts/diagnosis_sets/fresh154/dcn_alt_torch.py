"""PyTorch port of dcn_numpy.py written differently: each cross weight is an
nn.Linear(8, 1, bias=False) (weight (1, 8)) with its bias a separate nn.Parameter, the
embeddings are looked up column by column in a loop, and the pos-weighted binary
cross-entropy is written by hand with F.softplus.

Parameters: embs.{j}.weight = E[j], cross.{l}.weight (1, 8) = cw[l] (8,), cross_bias.{l} = cb[l],
deep.weight = Wd.T, deep.bias = bd, head.weight (1, 12) = wo, head.bias = bo.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DCNAlt(nn.Module):
    def __init__(self, cards=(6, 3, 4), emb_dim=2, n_num=2, n_cross=2, hidden=4):
        super().__init__()
        self.n_cat = len(cards)
        d = len(cards) * emb_dim + n_num
        self.embs = nn.ModuleList([nn.Embedding(c, emb_dim) for c in cards])
        self.cross = nn.ModuleList([nn.Linear(d, 1, bias=False) for _ in range(n_cross)])
        self.cross_bias = nn.ParameterList([nn.Parameter(torch.zeros(d)) for _ in range(n_cross)])
        self.deep = nn.Linear(d, hidden)
        self.head = nn.Linear(d + hidden, 1)

    def forward(self, X):
        parts = []
        for j in range(self.n_cat):
            parts.append(self.embs[j](X[:, j].long()))
        parts.append(X[:, self.n_cat:])
        x0 = torch.cat(parts, dim=1)
        x = x0
        for lin, b in zip(self.cross, self.cross_bias):
            x = x + x0 * lin(x) + b
        h = F.relu(self.deep(x0))
        return self.head(torch.cat([x, h], dim=1)).view(-1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.02, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    y = y.view(-1)
    loss = (3.0 * y * F.softplus(-z) + (1 - y) * F.softplus(z)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
