"""HardSigmoidClassifier in PyTorch: 5 -> 8 F.hardsigmoid -> 1 logit, BCE with logits, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class HardSigmoidClassifier(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(F.hardsigmoid(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
