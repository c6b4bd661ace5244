"""Port of a sigmoid / softmax classifier (6 -> 10 -> 4, mean cross-entropy, heavy-ball
momentum). The cross-entropy is hand-written by a helper lifted from an information-theory
notebook that measures entropies in bits: it takes torch.log2 of the probabilities where the
NumPy network's loss takes the natural log. The loss and every gradient are 1/ln 2 = 1.4427
times too large."""

import torch
from torch import nn


def cross_entropy_bits(p, y):
    """Average over the rows of -sum_k y_k log p_k."""
    return -(y * torch.log2(p)).sum(dim=1).mean()   # BUG: natural log, as the NumPy network: torch.log(p)


class Classifier(nn.Module):
    def __init__(self, n_in=6, n_hidden=10, n_classes=4):
        super().__init__()
        self.l1 = nn.Linear(n_in, n_hidden)
        self.l2 = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        return torch.softmax(self.l2(torch.sigmoid(self.l1(x))), dim=1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = cross_entropy_bits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
