"""CurveRegressor in PyTorch: nn.Sequential 4 -> 16 -> 16 -> 2 with ReLU, MSE, SGD with momentum
0.9, the rate decayed by ExponentialLR(gamma=0.9) after every update."""

import torch
import torch.nn.functional as F
from torch import nn

LR0, GAMMA = 0.05, 0.9
MOMENTUM = 0.9


class CurveRegressor(nn.Module):
    def __init__(self, sizes=(4, 16, 16, 2)):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(sizes[0], sizes[1]),
            nn.ReLU(),
            nn.Linear(sizes[1], sizes[2]),
            nn.ReLU(),
            nn.Linear(sizes[2], sizes[3]),
        )

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0, momentum=MOMENTUM)
    scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step(loss.item())   # BUG: scheduler.step()
    return loss.item()
