"""PyTorch port of our NumPy binary classifier with L2 regularisation: 5 inputs, 8 tanh units, one
sigmoid output, mean binary cross-entropy plus the penalty 0.5 * WEIGHT_DECAY * sum of squared
parameters, trained with Adam (lr from the command line). The NumPy version adds
WEIGHT_DECAY * p to each gradient; here the penalty goes into the loss instead."""

import torch
import torch.nn.functional as F
from torch import nn

WEIGHT_DECAY = 0.05


class Net(nn.Module):
    def __init__(self, n_in=5, n_hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def l2_penalty(model):
    return 0.5 * WEIGHT_DECAY * sum((p.data ** 2).sum() for p in model.parameters())   # BUG: return 0.5 * WEIGHT_DECAY * sum((p ** 2).sum() for p in model.parameters())


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    bce = F.binary_cross_entropy(model(X), y)
    loss = bce + l2_penalty(model)
    loss.backward()
    optimizer.step()
    return loss.item()
