"""PyTorch port of 02_tanh_regressor_numpy.py: 5 -> 10 -> 2 tanh regressor, mean squared error,
SGD whose learning rate decays as LR0 * GAMMA ** t, the schedule stepped after every update."""

import torch
import torch.nn.functional as F
from torch import nn

LR0 = 0.1
GAMMA = 0.85


class TanhRegressor(nn.Module):
    def __init__(self, n_in=5, n_hidden=10, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0)
    scheduler = torch.optim.lr_scheduler.MultiplicativeLR(optimizer, lambda t: GAMMA ** t)   # BUG: scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: GAMMA ** t)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
