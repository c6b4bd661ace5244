"""PyTorch port of max_numpy.py: Deep Sets classifier with masked max pooling.

    phi.weight (12, 4)   = W_phi.T    phi.bias    = b_phi
    hidden.weight (16, 12) = W_h.T    hidden.bias = b_h
    out.weight (3, 16)   = W_out.T    out.bias    = b_out
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class MaxDeepSet(nn.Module):
    def __init__(self, n_feat=4, embed=12, hidden=16, n_classes=3):
        super().__init__()
        self.phi = nn.Linear(n_feat, embed)
        self.hidden = nn.Linear(embed, hidden)
        self.out = nn.Linear(hidden, n_classes)

    def forward(self, X):
        mask = (X != 0).any(dim=-1, keepdim=True)           # (N, S, 1)
        e = torch.tanh(self.phi(X))
        e = e.masked_fill(~mask, 0.0)
        pooled = e.max(dim=1).values
        return self.out(F.relu(self.hidden(pooled)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
