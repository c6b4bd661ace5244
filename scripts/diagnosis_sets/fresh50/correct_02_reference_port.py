"""Multinomial logit with a hidden layer in PyTorch, 4 -> 6 tanh -> 3, every logit measured
against the first category's (z - z[:, :1], the reference-category contrasts): softmax does not
change under a shift of a row, so this is the softmax cross-entropy of the free logits."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=6, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, x):
        z = self.fc2(torch.tanh(self.fc1(x)))
        return z - z[:, :1]


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
