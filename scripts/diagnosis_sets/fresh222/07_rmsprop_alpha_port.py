"""PyTorch port of sum_numpy.py: Deep Sets binary classifier with masked sum pooling.

    phi1.weight (16, 4)  = layers[0]['W'].T   phi1.bias = layers[0]['b']
    phi2.weight (8, 16)  = layers[1]['W'].T   phi2.bias = layers[1]['b']
    rho1.weight (16, 8)  = layers[2]['W'].T   rho1.bias = layers[2]['b']
    rho2.weight (1, 16)  = layers[3]['W'].T   rho2.bias = layers[3]['b']
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SumDeepSet(nn.Module):
    def __init__(self):
        super().__init__()
        self.phi1 = nn.Linear(4, 16)
        self.phi2 = nn.Linear(16, 8)
        self.rho1 = nn.Linear(8, 16)
        self.rho2 = nn.Linear(16, 1)

    def forward(self, X):
        mask = (X != 0).any(dim=-1).unsqueeze(-1).to(X.dtype)
        h = F.relu(self.phi2(F.relu(self.phi1(X))))
        pooled = (h * mask).sum(dim=1)
        return self.rho2(torch.tanh(self.rho1(pooled))).squeeze(-1)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.01, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.25)
    optimizer.step()
    return loss.item()
