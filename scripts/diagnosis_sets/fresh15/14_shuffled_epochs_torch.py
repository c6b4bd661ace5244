"""PyTorch port of 14_shuffled_epochs_numpy.py. The epoch's row order is drawn from the same
seeded NumPy Generator as in the NumPy version, so both visit the rows in the same order."""

import numpy as np
import torch
from torch import nn

SEED = 2024
LR = 0.3
BATCH = 10


class ShuffledEpochs(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 8)
        self.fc2 = nn.Linear(8, 1)
        self.order_rng = np.random.default_rng(SEED)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    order = torch.from_numpy(model.order_rng.permutation(len(X)))
    losses = []
    for idx in torch.tensor_split(order, len(X) // BATCH):
        optimizer.zero_grad()
        loss = nn.functional.binary_cross_entropy(model(X[idx]), y[idx])
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)
