"""The ReZero regressor in PyTorch, the reference for my NumPy version.
"""

import torch
import torch.nn.functional as F
from torch import nn


class ReZeroRegressor(nn.Module):
    def __init__(self, n_in=4, width=8, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, width)
        self.alpha = nn.Parameter(torch.tensor([0.1]))
        self.fc3 = nn.Linear(width, n_out)

    def forward(self, x):
        h = self.fc1(x).tanh()
        h = h + self.alpha * self.fc2(h).tanh()
        return self.fc3(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
