"""PyTorch port of 16_clipped_momentum_numpy.py: clip_grad_norm_(max_norm=2.0), then SGD with
momentum 0.9 at 0.02."""

import torch
from torch import nn

LR = 0.02
MU = 0.9
MAX_NORM = 2.0


class ClippedMomentum(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(5, 8)
        self.l2 = nn.Linear(8, 6)
        self.l3 = nn.Linear(6, 2)

    def forward(self, x):
        return self.l3(torch.tanh(self.l2(torch.tanh(self.l1(x)))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * ((model(X) - y) ** 2).sum()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
