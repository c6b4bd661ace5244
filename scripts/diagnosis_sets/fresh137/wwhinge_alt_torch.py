"""Another port of wwhinge_numpy.py (correct): plain nn.Parameter tensors in the NumPy
layout and the multi-class squared hinge written out in torch instead of F.multi_margin_loss.

Parameters: W1 (6, 16), b1 (16,), W2 (16, 4), b2 (4,), as the NumPy program keeps them.
"""

import torch
import torch.nn as nn


class HingeMLP(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_classes=4, margin=1.0):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, hidden) * (2.0 / n_in) ** 0.5)
        self.b1 = nn.Parameter(torch.full((hidden,), 0.01))
        self.W2 = nn.Parameter(torch.randn(hidden, n_classes) / hidden ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(n_classes))
        self.margin = margin

    def forward(self, X):
        return torch.relu(X @ self.W1 + self.b1) @ self.W2 + self.b2


def squared_hinge(scores, y, margin):
    N, C = scores.shape
    correct = scores.gather(1, y.view(-1, 1))
    viol = torch.clamp(margin + scores - correct, min=0)
    not_true = torch.ones_like(scores).scatter_(1, y.view(-1, 1), 0.0)
    return (viol.pow(2) * not_true).sum() / (N * C)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = squared_hinge(model(X), y, model.margin)
    loss.backward()
    optimizer.step()
    return loss.item()
