"""clr_torch.py written another way: the triangular cyclical schedule written by hand
as a LambdaLR multiplier instead of CyclicLR, the dropout as torch.where on the keep-mask,
and the loss as log_softmax + nll_loss.

    fc1.weight (24, 8) = W1.T   fc1.bias = b1
    fc2.weight (4, 24) = W2.T   fc2.bias = b2
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_LR, MAX_LR, HALF_CYCLE = 0.02, 0.3, 4


class CyclicDropoutNet(nn.Module):
    def __init__(self, n_in=8, hidden=24, n_out=4, p_drop=0.25):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)
        self.register_buffer("masks", torch.from_numpy(np.load(os.path.join(HERE, "clr_masks.npz"))["masks"]))
        self.scale = 1.0 / (1.0 - p_drop)
        self.t = 0

    def forward(self, X):
        h = torch.relu(self.fc1(X))
        keep = self.masks[self.t % self.masks.shape[0], : X.shape[0]]
        h = torch.where(keep, h * self.scale, torch.zeros_like(h))
        return self.fc2(h)


def triangular(step):
    """Multiplier of BASE_LR at update `step`: up from BASE_LR to MAX_LR in HALF_CYCLE updates, back down."""
    pos = step % (2 * HALF_CYCLE)
    frac = pos / HALF_CYCLE if pos <= HALF_CYCLE else (2 * HALF_CYCLE - pos) / HALF_CYCLE
    return (BASE_LR + (MAX_LR - BASE_LR) * frac) / BASE_LR


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=BASE_LR, momentum=0.9, dampening=0.5)
    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, triangular)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.nll_loss(F.log_softmax(model(X), dim=1), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    model.t += 1
    return loss.item()
