"""The regressor in PyTorch with torch.optim.RMSprop(centered=True)."""

import torch
import torch.nn.functional as F
from torch import nn

LR, ALPHA, EPS = 0.01, 0.99, 1e-8


class Net(nn.Module):
    def __init__(self, sizes=(4, 8, 2)):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS, centered=True)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
