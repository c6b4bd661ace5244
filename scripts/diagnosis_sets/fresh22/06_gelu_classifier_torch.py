"""GeluClassifier (06_gelu_classifier_numpy.py) in PyTorch: Linear -> GELU -> Linear -> GELU ->
Linear, F.cross_entropy on the logits, SGD(lr=0.1, momentum=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn


class GeluClassifier(nn.Module):
    def __init__(self, sizes=(6, 10, 10, 3)):
        super().__init__()
        act = nn.GELU()   # BUG: act = nn.GELU(approximate="tanh")
        self.net = nn.Sequential(
            nn.Linear(sizes[0], sizes[1]),
            act,
            nn.Linear(sizes[1], sizes[2]),
            act,
            nn.Linear(sizes[2], sizes[3]),
        )

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
