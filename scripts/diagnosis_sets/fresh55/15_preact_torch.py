"""The pre-activation residual classifier in PyTorch, the reference for my NumPy version.
"""

import torch
import torch.nn.functional as F
from torch import nn


class PreActResidualClassifier(nn.Module):
    def __init__(self, n_in=5, width=8, n_classes=3):
        super().__init__()
        self.stem = nn.Linear(n_in, width)
        self.fc = nn.Linear(width, width)
        self.head = nn.Linear(width, n_classes)
        self.act = nn.ReLU()

    def forward(self, x):
        h = self.stem(x)
        h = h + self.fc(self.act(h))
        return self.head(self.act(h))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
