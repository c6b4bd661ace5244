"""PyTorch port of 15_tanh_classifier_numpy.py: 6 -> 9 -> 1 tanh classifier, sigmoid output,
summed binary cross-entropy, torch.optim.SGD with momentum 0.9 at lr 0.02."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.02
MU = 0.9


class TanhClassifier(nn.Module):
    def __init__(self, n_in=6, n_hidden=9):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
