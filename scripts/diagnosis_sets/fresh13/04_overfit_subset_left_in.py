"""Port of a ReLU network (4 -> 6 -> 1, sigmoid output, mean squared error, plain SGD,
shuffled mini-batches of 20). train_step still carries a debugging line from an
'overfit a small batch first' check, X, y = X[:16], y[:16]: each step trains on the first 16
rows of its 20-row mini-batch only (the mean taken over those 16), and the other 4 rows never
contribute."""

import torch
import torch.nn.functional as F
from torch import nn

DEBUG_ROWS = 16


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.relu(self.fc1(x))))


def train_step(model, optimizer, X, y):
    X, y = X[:DEBUG_ROWS], y[:DEBUG_ROWS]   # BUG: the whole mini-batch: delete this line
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
