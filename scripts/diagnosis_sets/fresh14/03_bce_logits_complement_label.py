"""Port of a tanh binary classifier (6 -> 8 -> 1, sigmoid output, mean binary cross-entropy,
heavy-ball momentum). forward returns the logit and train_step writes the BCE from it by hand,
softplus(z) - y z (equivalently softplus(-z) + (1 - y) z). The two forms were mixed:
softplus(z) - (1 - y) z, which is the BCE of the complemented labels 1 - y: every row is
trained towards the other class (the logit gradient is sigmoid(z) - (1 - y), not sigmoid(z) - y)."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, width=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = (F.softplus(z) - (1 - y) * z).mean()   # BUG: the target itself in the linear term: (F.softplus(z) - y * z).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
