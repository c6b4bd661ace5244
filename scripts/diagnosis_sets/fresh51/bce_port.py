"""Autoencoder for readings in [0, 1] ported to PyTorch: 8 -> 4 sigmoid -> 8 sigmoid, the
reconstruction scored with binary cross-entropy (F.binary_cross_entropy on the probabilities)."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=8, code=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, code)
        self.fc2 = nn.Linear(code, n_in)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    x_hat = model(X)
    loss = F.binary_cross_entropy(x_hat, y)
    loss.backward()
    optimizer.step()
    return loss.item()
