"""Tanh regressor in PyTorch: 6 -> 10 -> 10 -> 10 -> 2, mean squared error, Adam.

The NumPy original regularises with an L2 term, 0.5 * wd * ||theta||^2 over every parameter;
here it is added to the loss explicitly (the optimizer itself has no weight_decay), so that the
printed loss can be split into its data and penalty parts."""

import torch
import torch.nn.functional as F
from torch import nn

WEIGHT_DECAY = 0.05


class Net(nn.Module):
    def __init__(self, n_in=6, hidden=10, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.fc3 = nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, n_out)

    def forward(self, x):
        x = torch.tanh(self.fc1(x))
        x = torch.tanh(self.fc2(x))
        x = torch.tanh(self.fc3(x))
        return self.out(x)


def l2_penalty(model):
    total = 0.0
    for p in model.parameters():
        total = total + 0.5 * WEIGHT_DECAY * p.pow(2).mean()   # BUG: total = total + 0.5 * WEIGHT_DECAY * p.pow(2).sum()
    return total


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    data_loss = F.mse_loss(model(X), y)
    loss = data_loss + l2_penalty(model)
    loss.backward()
    optimizer.step()
    return data_loss.item()
