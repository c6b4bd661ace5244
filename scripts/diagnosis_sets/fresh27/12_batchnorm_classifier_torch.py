"""BatchNormClassifier in PyTorch: Linear(bias=False), BatchNorm1d (training mode), ReLU,
Linear; F.cross_entropy on the one-hot rows; SGD(momentum=0.9) at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn


class BatchNormClassifier(nn.Module):
    def __init__(self, n_in=4, hidden=8, classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden, bias=False)
        self.bn = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, x):
        return self.fc2(F.relu(self.bn(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
