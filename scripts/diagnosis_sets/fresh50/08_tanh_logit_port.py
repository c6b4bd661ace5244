"""Binary logit model in PyTorch, 4 -> 6 sigmoid -> 1, the logistic inverse link written through
tanh (the half-angle identity sigmoid(z) = (1 + tanh(z / 2)) / 2), F.binary_cross_entropy on
the probability."""

import torch
import torch.nn.functional as F
from torch import nn


def inv_logit(z):
    return 0.5 * (1.0 + torch.tanh(z))   # fix: return 0.5 * (1.0 + torch.tanh(z / 2))


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return inv_logit(self.fc2(torch.sigmoid(self.fc1(x))))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
