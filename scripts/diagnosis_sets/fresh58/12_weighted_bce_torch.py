"""PyTorch port of 12_weighted_bce_numpy.py: F.binary_cross_entropy_with_logits with a per-pixel
weight map (foreground FG_WEIGHT, background 1), SGD."""

import torch
import torch.nn.functional as F
from torch import nn

FG_WEIGHT = 3.0
LR = 1.0


class WeightedMaskNet(nn.Module):
    def __init__(self, n_in=6, n_hidden=8, n_out=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    weight_map = 1.0 + (FG_WEIGHT - 1.0) * y
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y, weight=weight_map)
    loss.backward()
    optimizer.step()
    return loss.item()
