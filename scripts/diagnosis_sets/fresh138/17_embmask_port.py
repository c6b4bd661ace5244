"""Another port of ctr_numpy.py: plain nn.Embedding tables, padding masked by hand,
the counts multiplied in before the sum over the bag, and the SGD step written
by hand under torch.no_grad().

    table.weight  (n_buckets, dim) = E
    first.weight  (n_buckets, 1)   = u
    W             (dim, 1)         = W   (kept in the NumPy layout)
    b             (1,)             = b
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class HashedBagCTR(nn.Module):
    def __init__(self, n_buckets=32, dim=8):
        super().__init__()
        self.n_buckets = n_buckets
        self.table = nn.Embedding(n_buckets, dim)
        self.first = nn.Embedding(n_buckets, 1)
        self.W = nn.Parameter(torch.zeros(dim, 1))
        self.b = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        raw, counts = X[:, 0], X[:, 1]
        real = raw >= 0
        idx = torch.where(real, 1 + torch.remainder(raw, self.n_buckets - 1), torch.zeros_like(raw))
        weight = (counts * real).to(self.W.dtype)               # zero at padding
        h = torch.einsum("nl,nld->nd", weight, self.table(idx))
        lin = (weight * self.first(idx).squeeze(-1)).sum(dim=1)
        return (h @ self.W).squeeze(1) + lin + self.b


def train_step(model, optimizer, X, y, lr=0.5):
    for p in model.parameters():
        p.grad = None
    logits = model(X)
    target = y.to(logits.dtype)
    loss = F.binary_cross_entropy_with_logits(logits, target)
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p -= lr * p.grad
    return loss.item()
