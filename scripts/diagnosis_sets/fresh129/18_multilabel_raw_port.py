"""PyTorch port of multilabel_numpy.py, written with raw parameters (a second port).

The weights are nn.Parameters kept in the NumPy layout, W1 (8, hidden) and W2 (hidden, 5),
used as X @ W1 + b1; the weighted binary cross-entropy is written out with F.logsigmoid
instead of F.binary_cross_entropy_with_logits; torch.optim.SGD(momentum=0.9, weight_decay=1e-3).

    W1 = W1, b1 = b1, W2 = W2, b2 = b2
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiLabelNet(nn.Module):
    def __init__(self, n_in=8, hidden=12, n_labels=5):
        super().__init__()
        self.W1 = nn.Parameter(torch.zeros(n_in, hidden))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.zeros(hidden, n_labels))
        self.b2 = nn.Parameter(torch.zeros(n_labels))
        self.register_buffer("label_weight", torch.tensor([1.0, 0.5, 2.0, 1.0, 1.5]))
        self.register_buffer("pos_weight", torch.tensor([2.0, 1.0, 0.5, 1.5, 4.0]))

    def forward(self, X):
        h = torch.clamp(X @ self.W1 + self.b1, min=0)
        return h @ self.W2 + self.b2

    def loss(self, logits, Y):
        terms = self.pos_weight * Y * F.logsigmoid(logits) + (1 - Y) * F.logsigmoid(-logits)
        return -(self.label_weight * terms).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
