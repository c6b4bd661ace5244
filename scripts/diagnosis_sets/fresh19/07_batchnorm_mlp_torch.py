"""BatchNormMLP in PyTorch: Linear(5, 8, bias=False) -> BatchNorm1d(8) -> tanh -> Linear(8, 8)
-> tanh -> Linear(8, 3); F.cross_entropy; SGD(lr=0.05, momentum=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn


class BatchNormMLP(nn.Module):
    def __init__(self, n_in=5, hidden=8, classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden, bias=False)
        self.bn = nn.BatchNorm1d(hidden, eps=1e-3)   # BUG: nn.BatchNorm1d(hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.fc3 = nn.Linear(hidden, classes)

    def forward(self, x):
        h = torch.tanh(self.bn(self.fc1(x)))
        h = torch.tanh(self.fc2(h))
        return self.fc3(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
