"""Another port of tags_numpy.py: each (row, field) bag is cut out of the padded
input into nn.EmbeddingBag's flat-ids-and-offsets form, mode='mean' (the mean over
the bag's real length), then the two fields are concatenated.

    bag.weight  (n_buckets, dim) = E
    fc1.weight  = W1.T, fc1.bias = b1, fc2.weight = W2.T, fc2.bias = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class FieldTagger(nn.Module):
    def __init__(self, n_buckets=48, dim=5, hidden=12, n_classes=3):
        super().__init__()
        self.n_buckets = n_buckets
        self.bag = nn.EmbeddingBag(n_buckets, dim, mode="mean")
        self.fc1 = nn.Linear(2 * dim, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, X):
        N, n_fields, L = X.shape
        salt = torch.arange(n_fields, device=X.device).view(1, n_fields, 1).expand_as(X)
        real = X >= 0
        ids = 1 + (31 * X[real] + salt[real]) % (self.n_buckets - 1)   # bag by bag, (row, field) order
        lengths = real.sum(dim=2).flatten()
        offsets = torch.cat([lengths.new_zeros(1), lengths.cumsum(0)[:-1]])
        pooled = self.bag(ids, offsets)                                  # (N * n_fields, dim)
        x = pooled.view(N, -1)
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr=0.3, momentum=0.9):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
