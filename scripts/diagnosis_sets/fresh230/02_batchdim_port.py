"""PyTorch port of a_numpy.py: sparsemax attention pooling over a sequence, Adam.

    fc1.weight (6, 4) = W1.T, fc1.bias = b1, query (6,) = q, fc2.weight (3, 6) = W2.T, fc2.bias = b2
Sparsemax written with torch ops (sort, cumsum, gather, clamp); autograd does the backward.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def sparsemax(z, dim=-1):
    zs, _ = torch.sort(z, dim=dim, descending=True)
    n = z.size(dim)
    shape = [1] * z.dim()
    shape[dim] = n
    k = torch.arange(1, n + 1, dtype=z.dtype, device=z.device).view(shape)
    cs = zs.cumsum(dim)
    support = (1 + k * zs) > cs
    kz = support.sum(dim=dim, keepdim=True)
    tau = (cs.gather(dim, kz - 1) - 1) / kz.to(z.dtype)
    return torch.clamp(z - tau, min=0)


class SparseAttnClassifier(nn.Module):
    def __init__(self, n_features=4, seq_len=5, hidden=6, n_classes=3):
        super().__init__()
        self.D, self.T = n_features, seq_len
        self.fc1 = nn.Linear(n_features, hidden)
        self.query = nn.Parameter(torch.randn(hidden))
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, X):
        H = torch.tanh(self.fc1(X.view(X.shape[0], self.T, self.D)))
        scores = H @ self.query
        a = sparsemax(scores, dim=0)
        c = (a.unsqueeze(-1) * H).sum(dim=1)
        return self.fc2(c)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.05, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.long())
    loss.backward()
    optimizer.step()
    return loss.item()
