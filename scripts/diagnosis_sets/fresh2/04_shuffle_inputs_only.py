"""Softmax classifier whose train_step shuffles the batch 'so the order does not matter',
but permutes only the inputs: the targets keep their order and no longer match their rows."""

import torch
from torch import nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self, n_in=5, n_hidden=8, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def train_step(model, optimizer, X, y):
    perm = torch.randperm(X.shape[0])
    X = X[perm]                     # BUG: y is not permuted with it (y = y[perm] missing)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
