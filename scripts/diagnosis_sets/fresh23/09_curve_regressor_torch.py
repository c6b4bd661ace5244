"""PyTorch port of CurveRegressor (09_curve_regressor_numpy.py): 3 -> 12 tanh -> 2, F.mse_loss,
torch.optim.RMSprop(alpha=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.005
GAMMA = 0.9
EPS = 1e-8


class CurveRegressor(nn.Module):
    def __init__(self, n_in=3, n_hidden=12, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=GAMMA, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
