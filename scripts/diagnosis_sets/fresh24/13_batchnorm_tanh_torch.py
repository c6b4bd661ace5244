"""BatchNormTanhNet in PyTorch: Linear(bias=False), BatchNorm1d, tanh, Linear; F.cross_entropy,
SGD(momentum=0.9, nesterov=True) at lr 0.1."""

import torch
import torch.nn.functional as F
from torch import nn


class BatchNormTanhNet(nn.Module):
    def __init__(self, n_in=6, hidden=10, classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden, bias=False)
        self.bn = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, x):
        return self.fc2(torch.tanh(self.bn(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
