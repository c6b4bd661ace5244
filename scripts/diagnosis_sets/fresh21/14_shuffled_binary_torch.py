"""PyTorch port of ShuffledBinaryNet (14_shuffled_binary_numpy.py): each train_step is one epoch
of mini-batches of BATCH rows in the order drawn from the same seeded NumPy Generator, nn.BCELoss
on a sigmoid output, SGD at LR."""

import numpy as np
import torch
from torch import nn

SEED = 14
BATCH = 8
LR = 0.5


class ShuffledBinaryNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 8)
        self.fc2 = nn.Linear(8, 1)
        self.rng = np.random.default_rng(SEED)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    order = torch.from_numpy(model.rng.permutation(len(X)))
    criterion = nn.BCELoss()
    losses = []
    for i in range(len(X) // BATCH):
        idx = order[i * BATCH:(i + 1) * BATCH]
        optimizer.zero_grad()
        loss = criterion(model(X[idx]), y[idx])
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)
