"""PyTorch port of ctr_numpy.py: hashed, counted bag of sparse features -> click logit.

nn.EmbeddingBag(mode='sum', padding_idx=0) with the counts as per_sample_weights,
a second one-wide EmbeddingBag for the first-order term, nn.Linear(dim, 1),
BCE with logits (mean), torch.optim.SGD.

    bag.weight  (n_buckets, dim) = E
    lin.weight  (n_buckets, 1)   = u
    fc.weight   (1, dim)         = W.T
    fc.bias     (1,)             = b
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD = 0


class HashedBagCTR(nn.Module):
    def __init__(self, n_buckets=32, dim=8):
        super().__init__()
        self.n_buckets = n_buckets
        self.bag = nn.EmbeddingBag(n_buckets, dim, mode="sum", padding_idx=PAD)
        self.lin = nn.EmbeddingBag(n_buckets, 1, mode="sum", padding_idx=PAD)
        self.fc = nn.Linear(dim, 1)

    def buckets(self, raw):
        return torch.where(raw >= 0, 1 + raw % (self.n_buckets - 1), torch.full_like(raw, PAD))

    def forward(self, X):
        idx = self.buckets(X[:, 0])
        c = X[:, 1].to(self.bag.weight.dtype)
        h = self.bag(idx, per_sample_weights=c)
        lin = self.lin(idx, per_sample_weights=c)[:, 0]
        return self.fc(h)[:, 0] + lin


def make_optimizer(model, lr=0.5):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y.to(model.bag.weight.dtype))
    loss.backward()
    optimizer.step()
    return loss.item()
