"""PyTorch port of 11_effective_number_numpy.py: class-balanced cross-entropy with effective-number
weights normalised to sum to the number of classes, F.cross_entropy(reduction='none'), SGD."""

import torch
import torch.nn.functional as F
from torch import nn

BETA = 0.9
LR = 0.5


class BalancedSoftmaxNet(nn.Module):
    def __init__(self, n_in=5, n_hidden=8, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def class_balanced_weights(y):
    effective = (1.0 - BETA ** y.sum(dim=0)) / (1.0 - BETA)
    w = 1.0 / effective
    return w * y.shape[1] / w.sum()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    labels = y.argmax(dim=1)
    w = class_balanced_weights(y)
    optimizer.zero_grad()
    loss = (w[labels] * F.cross_entropy(model(X), labels, reduction="none")).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
