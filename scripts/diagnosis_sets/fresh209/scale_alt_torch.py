"""Correct variant of scale_torch.py: the same two-tower port written without nn.Linear or
F.normalize.  Raw nn.Parameters kept (in, out) as the NumPy program keeps them, the L2
normalisation by hand (z / z.norm(dim=1, keepdim=True)), the score matrix by torch.einsum, the
loss as -log_softmax gathered at each query's positive, a plain nn.Module method per tower.
"""

import math

import torch
import torch.nn as nn


class RawTwoTower(nn.Module):
    def __init__(self, query_dim=12, item_dim=10, hidden=32, embed_dim=16, temperature=0.07):
        super().__init__()
        self.query_dim = query_dim
        self.Wq1 = nn.Parameter(torch.randn(query_dim, hidden) / math.sqrt(query_dim))
        self.bq1 = nn.Parameter(torch.zeros(hidden))
        self.Wq2 = nn.Parameter(torch.randn(hidden, embed_dim) / math.sqrt(hidden))
        self.bq2 = nn.Parameter(torch.zeros(embed_dim))
        self.Wi1 = nn.Parameter(torch.randn(item_dim, hidden) / math.sqrt(item_dim))
        self.bi1 = nn.Parameter(torch.zeros(hidden))
        self.Wi2 = nn.Parameter(torch.randn(hidden, embed_dim) / math.sqrt(hidden))
        self.bi2 = nn.Parameter(torch.zeros(embed_dim))
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1.0 / temperature)))

    @staticmethod
    def _tower(x, W1, b1, W2, b2):
        z = torch.relu(x @ W1 + b1) @ W2 + b2
        return z / z.norm(dim=1, keepdim=True)

    def forward(self, X):
        q = self._tower(X[:, :self.query_dim], self.Wq1, self.bq1, self.Wq2, self.bq2)
        e = self._tower(X[:, self.query_dim:], self.Wi1, self.bi1, self.Wi2, self.bi2)
        return torch.einsum("nd,md->nm", q, e) * torch.exp(self.logit_scale)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=5e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    log_probs = torch.log_softmax(model(X), dim=1)
    loss = -log_probs.gather(1, y.view(-1, 1)).mean()
    loss.backward()
    optimizer.step()
    return float(loss)
