"""Another PyTorch port of rank_numpy.py: raw nn.Parameters in (in, out) layout, matmuls by
hand, normalisation by dividing by the norm, the loss as softplus of the signed margin."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class RankerParams(nn.Module):
    def __init__(self, d_in=5, hidden=12, d_emb=6):
        super().__init__()
        self.d_in = d_in
        self.W1 = nn.Parameter(torch.randn(d_in, hidden) * 0.5)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.randn(hidden, d_emb) * 0.4)
        self.b2 = nn.Parameter(torch.zeros(d_emb))
        self.w = nn.Parameter(torch.randn(d_emb, 1) * 0.8)

    def score(self, x):
        e = torch.relu(x @ self.W1 + self.b1) @ self.W2 + self.b2
        z = e / e.norm(dim=1, keepdim=True)
        return (z @ self.w).squeeze(-1)

    def forward(self, X):
        both = torch.cat([X[:, :self.d_in], X[:, self.d_in:]], dim=0)
        s = self.score(both)
        n = X.shape[0]
        return s[:n], s[n:]


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    s1, s2 = model(X)
    sign = 2 * y - 1
    loss = F.softplus(-sign * (s1 - s2)).mean()
    loss.backward()
    optimizer.step()
    return loss
