"""MixupClassifier in PyTorch with mixup as the torch tutorials write it: the inputs mixed with a
permutation of the batch, and the loss mixed from the two targets,
LAM * CE(out, y) + (1 - LAM) * CE(out, y[perm]). The fixed LAM and the permutation (NumPy, same
seed) as in the NumPy program; plain SGD."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

LAM = 0.7
PERM_SEED = 14
LR = 0.5


class MixupClassifier(nn.Module):
    def __init__(self, n_in=6, hidden=8, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    perm = torch.as_tensor(np.random.default_rng(PERM_SEED).permutation(len(X)))
    X_mix = LAM * X + (1 - LAM) * X[perm]
    optimizer.zero_grad()
    out = model(X_mix)
    loss = LAM * F.cross_entropy(out, y) + (1 - LAM) * F.cross_entropy(out, y[perm])
    loss.backward()
    optimizer.step()
    return loss.item()
