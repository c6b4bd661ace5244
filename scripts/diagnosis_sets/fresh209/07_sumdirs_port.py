"""PyTorch port of sym_numpy.py: two tanh towers, F.normalize, logits = q e^T / tau (tau fixed at
0.05), the symmetric in-batch-negatives loss (mean of the query->item and item->query
cross-entropies with the diagonal as targets), torch.optim.Adam with weight_decay=1e-3.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SymmetricTwoTower(nn.Module):
    def __init__(self, query_dim=16, item_dim=12, hidden=24, embed_dim=12, tau=0.05):
        super().__init__()
        self.query_dim = query_dim
        self.tau = tau
        self.query_fc1 = nn.Linear(query_dim, hidden)
        self.query_fc2 = nn.Linear(hidden, embed_dim)
        self.item_fc1 = nn.Linear(item_dim, hidden)
        self.item_fc2 = nn.Linear(hidden, embed_dim)

    def encode_queries(self, xq):
        return F.normalize(self.query_fc2(torch.tanh(self.query_fc1(xq))), dim=1)

    def encode_items(self, xi):
        return F.normalize(self.item_fc2(torch.tanh(self.item_fc1(xi))), dim=1)

    def forward(self, X):
        q = self.encode_queries(X[:, :self.query_dim])
        e = self.encode_items(X[:, self.query_dim:])
        return q @ e.T / self.tau


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=3e-3, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    labels = torch.arange(logits.shape[0], device=logits.device)
    loss = F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels)
    loss.backward()
    optimizer.step()
    return loss.item()
