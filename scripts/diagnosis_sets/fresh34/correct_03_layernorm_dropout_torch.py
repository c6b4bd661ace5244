"""NormDropNet in PyTorch: the layer norm as nn.GroupNorm(1, 12) (one group over all the units of
the (n, 12) layer, a per-unit affine: the same as a layer norm with gain and shift), the fixed
dropout mask applied with torch.where, F.cross_entropy(label_smoothing=0.1) on the class
indices, torch.optim.Adam."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

EPS = 1e-5
KEEP = 0.75
MASK_SEED = 33
SMOOTHING = 0.1
LR = 0.01


class NormDropNet(nn.Module):
    def __init__(self, n_in=6, hidden=12, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.norm = nn.GroupNorm(1, hidden, eps=EPS)
        self.fc2 = nn.Linear(hidden, n_out)
        keep = np.random.default_rng(MASK_SEED).random(hidden) < KEEP
        self.register_buffer("keep", torch.as_tensor(keep))

    def forward(self, x):
        h = F.relu(self.norm(self.fc1(x)))
        h = torch.where(self.keep, h / KEEP, torch.zeros_like(h))
        return self.fc2(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1), label_smoothing=SMOOTHING)
    loss.backward()
    optimizer.step()
    return loss.item()
