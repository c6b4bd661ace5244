"""PyTorch port of dcn_numpy.py: Deep & Cross Network with vector cross layers.

Parameters, with the NumPy names:
    embs.{0,1,2}.weight = E[0..2], cross_w.{0,1} (8,) = cw[0..1], cross_b.{0,1} (8,) = cb[0..1],
    deep.weight (4, 8) = Wd.T, deep.bias = bd, head.weight (1, 12) = wo, head.bias (1,) = bo.
Loss F.binary_cross_entropy_with_logits(pos_weight=3), mean; torch.optim.Adam(lr=0.02).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class DCN(nn.Module):
    def __init__(self, cards=(6, 3, 4), emb_dim=2, n_num=2, n_cross=2, hidden=4):
        super().__init__()
        self.n_cat = len(cards)
        d = len(cards) * emb_dim + n_num
        self.embs = nn.ModuleList([nn.Embedding(c, emb_dim) for c in cards])
        self.cross_w = nn.ParameterList([nn.Parameter(torch.randn(d) / d ** 0.5)
                                         for _ in range(n_cross)])
        self.cross_b = nn.ParameterList([nn.Parameter(torch.zeros(d)) for _ in range(n_cross)])
        self.deep = nn.Linear(d, hidden)
        self.head = nn.Linear(d + hidden, 1)

    def forward(self, X):
        cat = X[:, :self.n_cat].long()
        x0 = torch.cat([emb(cat[:, j]) for j, emb in enumerate(self.embs)]
                       + [X[:, self.n_cat:]], dim=1)
        x = x0
        for w, b in zip(self.cross_w, self.cross_b):
            x = x0 * (x @ w).unsqueeze(1) + b + x
        h = torch.relu(self.deep(x0))
        return self.head(torch.cat([x, h], dim=1)).squeeze(1)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.02)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = F.binary_cross_entropy_with_logits(z, y.reshape(-1),
                                              pos_weight=torch.tensor(3.0, dtype=z.dtype))
    loss.backward()
    optimizer.step()
    return loss.item()
