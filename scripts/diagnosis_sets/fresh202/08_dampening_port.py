"""PyTorch port of focal_numpy.py: nn.Sequential(Linear, ReLU, Linear, ReLU, Linear), mixup
with a class-weighted focal loss (gamma = 2, alpha = (0.25, 0.5, 0.75)), mean over the batch:

    loss = lam * focal(logits, y) + (1 - lam) * focal(logits, y[perm])

Parameters: net.0 = W1.T / b1, net.2 = W2.T / b2, net.4 = W3.T / b3.
torch.optim.SGD(lr=0.05, momentum=0.9).
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
_MIX = np.load(os.path.join(HERE, "focal_mix.npz"))
LAM = _MIX["lam"].tolist()
PERM = torch.from_numpy(_MIX["perm"])


class FocalMLP(nn.Module):
    def __init__(self, sizes=(8, 20, 12, 3), gamma=2.0, alpha=(0.25, 0.5, 0.75)):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(sizes[0], sizes[1]), nn.ReLU(),
            nn.Linear(sizes[1], sizes[2]), nn.ReLU(),
            nn.Linear(sizes[2], sizes[3]),
        )
        self.register_buffer("alpha", torch.tensor(alpha))
        self.gamma = gamma
        self.t = 0

    def forward(self, x):
        return self.net(x)


def focal_loss(logits, target, alpha, gamma):
    logp = F.log_softmax(logits, dim=1).gather(1, target[:, None]).squeeze(1)
    p = logp.exp()
    return (-alpha[target] * (1 - p) ** gamma * logp).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, dampening=0.9)


def train_step(model, optimizer, X, y):
    lam, perm = LAM[model.t % len(LAM)], PERM[model.t % len(PERM)]
    model.t += 1
    Xm = lam * X + (1 - lam) * X[perm]
    optimizer.zero_grad()
    logits = model(Xm)
    loss = (lam * focal_loss(logits, y, model.alpha, model.gamma)
            + (1 - lam) * focal_loss(logits, y[perm], model.alpha, model.gamma))
    loss.backward()
    optimizer.step()
    return loss.item()
