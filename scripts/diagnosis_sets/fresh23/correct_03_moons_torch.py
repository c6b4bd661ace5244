"""PyTorch port of MoonsClassifier (correct_03_moons_numpy.py): nn.Sequential of named
Linear, Sigmoid, Linear, BCE with logits, torch.optim.RMSprop(alpha=RHO)."""

from collections import OrderedDict

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.02
RHO = 0.95
EPS = 1e-8


class MoonsClassifier(nn.Sequential):
    def __init__(self, n_hidden=12):
        super().__init__(OrderedDict(hidden=nn.Linear(2, n_hidden), act=nn.Sigmoid(), out=nn.Linear(n_hidden, 1)))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=RHO, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
