"""DropoutMLP in PyTorch. The same fixed mask as the NumPy version (drawn with NumPy from the same
seed) is kept as a buffer; torch's convention is the drop probability P rather than the keep
probability. torch.optim.Adagrad at lr 0.1."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

P = 0.2          # probability of dropping a unit
MASK_SEED = 77


class DropoutMLP(nn.Module):
    def __init__(self, sizes=(6, 16, 16, 3)):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])
        self.fc3 = nn.Linear(sizes[2], sizes[3])
        keep = np.random.default_rng(MASK_SEED).random(sizes[1]) < 1 - P
        self.register_buffer("mask", torch.as_tensor(keep, dtype=torch.float32))

    def forward(self, x):
        h = F.relu(self.fc1(x))
        h = h * self.mask.to(h.dtype) / P   # BUG: h = h * self.mask.to(h.dtype) / (1 - P)
        h = F.relu(self.fc2(h))
        return self.fc3(h)


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
