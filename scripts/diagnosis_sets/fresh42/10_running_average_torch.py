"""AveragedRegressor in PyTorch: gradient accumulation over X.chunk(ACCUM), each mean loss
divided by ACCUM, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR, ACCUM = 0.3, 3


class AveragedRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 12)
        self.out = nn.Linear(12, 2)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    total = 0.0
    for xb, yb in zip(X.chunk(ACCUM), y.chunk(ACCUM)):
        loss = F.mse_loss(model(xb), yb) / ACCUM
        loss.backward()
        total += loss.item()
    optimizer.step()
    return total
