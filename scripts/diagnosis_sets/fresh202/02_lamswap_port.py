"""PyTorch port of mixup_numpy.py: Linear -> tanh -> Linear, mixup with label smoothing.

The mixup loss is written the usual way, as the same mix of two hard-label cross-entropies
with label_smoothing=0.1 (equal to the cross-entropy against the mixed smoothed targets):

    loss = lam * CE(model(Xm), y) + (1 - lam) * CE(model(Xm), y[perm])

Parameters: fc1.weight (16, 6) = W1.T, fc1.bias = b1, fc2.weight (4, 16) = W2.T, fc2.bias = b2.
torch.optim.SGD(lr=0.1, momentum=0.9, nesterov=True, weight_decay=1e-3).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
_MIX = np.load(os.path.join(HERE, "mixup_mix.npz"))
LAM = _MIX["lam"].tolist()
PERM = torch.from_numpy(_MIX["perm"])


class MixupMLP(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)
        self.step_count = 0

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True,
                           weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    t = model.step_count
    lam, perm = LAM[t % len(LAM)], PERM[t % len(PERM)]
    model.step_count += 1
    Xm = lam * X + (1 - lam) * X[perm]
    optimizer.zero_grad()
    logits = model(Xm)
    loss = ((1 - lam) * F.cross_entropy(logits, y, label_smoothing=0.1)
            + lam * F.cross_entropy(logits, y[perm], label_smoothing=0.1))
    loss.backward()
    optimizer.step()
    return loss.item()
