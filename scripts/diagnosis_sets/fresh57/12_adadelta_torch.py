"""The regressor in PyTorch with torch.optim.Adadelta (lr = 1.0, Zeiler's form)."""

import torch
import torch.nn.functional as F
from torch import nn

RHO, EPS = 0.9, 1e-6


class Net(nn.Module):
    def __init__(self, sizes=(4, 8, 2)):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.Adadelta(model.parameters(), lr=1.0, rho=RHO, eps=EPS)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
