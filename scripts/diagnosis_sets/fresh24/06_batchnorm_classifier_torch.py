"""BatchNormClassifier in PyTorch: Linear(bias=False), BatchNorm1d, ReLU, Linear, ReLU, Linear;
F.cross_entropy, SGD(momentum=0.9) at lr 0.1."""

import torch
import torch.nn.functional as F
from torch import nn


class BatchNormClassifier(nn.Module):
    def __init__(self, n_in=6, hidden=12, classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden, bias=False)
        self.bn1 = nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.fc3 = nn.Linear(hidden, classes)

    def forward(self, x):
        h = self.bn1(F.relu(self.fc1(x)))   # BUG: h = F.relu(self.bn1(self.fc1(x)))
        h = F.relu(self.fc2(h))
        return self.fc3(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
