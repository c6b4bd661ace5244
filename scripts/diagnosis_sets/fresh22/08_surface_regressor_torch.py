"""SurfaceRegressor (08_surface_regressor_numpy.py) in PyTorch: 2 -> 10 tanh -> 1, MSE, SGD at
LR0 with the exponential decay of the learning rate as an ExponentialLR schedule, stepped
after every update."""

import torch
import torch.nn.functional as F
from torch import nn

LR0 = 0.2
DECAY = 0.05


class SurfaceRegressor(nn.Module):
    def __init__(self, n_in=2, hidden=10):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=DECAY)   # BUG: scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=float(torch.exp(torch.tensor(-DECAY, dtype=torch.float64))))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
