"""PyTorch port of CurveFitter (04_curve_fitter_numpy.py): 3 -> 16 sigmoid -> 2, F.mse_loss, SGD with
the exponential decay done by a LambdaLR scheduler stepped after every update."""

import torch
import torch.nn.functional as F
from torch import nn

LR0 = 0.5
DECAY = 0.9


class CurveFitter(nn.Module):
    def __init__(self, sizes=(3, 16, 2)):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda t: LR0 * DECAY ** t)   # BUG: scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lambda t: DECAY ** t)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
