"""Ordinal levels as three binary tasks P(level > k) (Frank and Hall), one sigmoid output per
task, 4 -> 6 tanh -> 3, the mean BCE over every task and row. The probabilities are made
non-increasing in k with a running minimum, since P(level > k) cannot grow with k.
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.fc2 = nn.Linear(6, 3)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    p = torch.cummin(torch.sigmoid(z), dim=1).values   # fix: p = torch.sigmoid(z)
    loss = F.binary_cross_entropy(p, y)
    loss.backward()
    optimizer.step()
    return loss.item()
