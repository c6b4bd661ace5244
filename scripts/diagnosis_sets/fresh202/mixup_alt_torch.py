"""A second port of mixup_numpy.py: weights as bare nn.Parameters kept (in, out) like the
NumPy program, mixed soft targets built by hand (one_hot, smoothing, mixing) and passed to
F.cross_entropy as class probabilities; SGD with Nesterov momentum over two parameter groups
(weights, biases) with the same settings.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
_MIX = np.load(os.path.join(HERE, "mixup_mix.npz"))


class MixupNet(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_classes=4):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, hidden) * 0.4)
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.randn(hidden, n_classes) * 0.25)
        self.b2 = nn.Parameter(torch.zeros(n_classes))
        self.n_classes = n_classes
        self.register_buffer("lams", torch.from_numpy(_MIX["lam"]), persistent=False)
        self.perms = torch.from_numpy(_MIX["perm"])
        self.i = 0

    def forward(self, x):
        return torch.tanh(x @ self.W1 + self.b1) @ self.W2 + self.b2

    def targets(self, y, perm, lam, dtype):
        T = F.one_hot(y, self.n_classes).to(dtype)
        T = T * 0.9 + 0.1 / self.n_classes
        return lam * T + (1 - lam) * T[perm]


def make_optimizer(model):
    groups = [{"params": [model.W1, model.W2]}, {"params": [model.b1, model.b2]}]
    return torch.optim.SGD(groups, lr=0.1, momentum=0.9, nesterov=True, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    k = model.i % len(model.perms)
    lam, perm = model.lams[k].item(), model.perms[k]
    model.i += 1
    Xm = torch.lerp(X[perm], X, lam)
    target = model.targets(y, perm, lam, X.dtype)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(Xm), target)
    loss.backward()
    optimizer.step()
    return loss.item()
