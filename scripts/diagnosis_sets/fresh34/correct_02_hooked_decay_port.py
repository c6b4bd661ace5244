"""Softmax classifier port whose regularisation lives in tensor hooks: every parameter has a
gradient hook that adds WEIGHT_DECAY * p to its gradient during backward (Adam's L2 weight decay,
so make_optimizer builds Adam without weight_decay). The training script's other switches are
set off for this run and kept in the code: mixup with ALPHA = 0 (lam = 1), nn.Dropout(p=0.0),
label_smoothing=0.0.

    6 -> 10 ReLU -> dropout -> 3 logits, mean cross-entropy
"""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

WEIGHT_DECAY = 0.01
ALPHA = 0.0
DROP = 0.0
PERM_SEED = 3


class Net(nn.Module):
    def __init__(self, n_in=6, hidden=10, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.drop = nn.Dropout(p=DROP)
        self.fc2 = nn.Linear(hidden, n_out)
        for p in self.parameters():
            p.register_hook(lambda grad, p=p: grad + WEIGHT_DECAY * p.detach())

    def forward(self, x):
        return self.fc2(self.drop(F.relu(self.fc1(x))))


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    lam = float(np.random.default_rng(PERM_SEED).beta(ALPHA, ALPHA)) if ALPHA > 0 else 1.0
    perm = torch.as_tensor(np.random.default_rng(PERM_SEED).permutation(len(X)))
    X_mix = lam * X + (1 - lam) * X[perm]
    labels = y.argmax(dim=1)
    optimizer.zero_grad()
    logits = model(X_mix)
    loss = (lam * F.cross_entropy(logits, labels, label_smoothing=0.0)
            + (1 - lam) * F.cross_entropy(logits, labels[perm], label_smoothing=0.0))
    loss.backward()
    optimizer.step()
    return loss.item()
