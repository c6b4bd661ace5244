"""PyTorch port of LinearDecayNet (06_linear_decay_numpy.py): SGD at LR0 = 0.5 with the linear
decay to zero over TOTAL_STEPS steps as a LinearLR schedule, stepped once per training step."""

import torch
import torch.nn.functional as F
from torch import nn

LR0 = 0.5
TOTAL_STEPS = 50


class LinearDecayNet(nn.Module):
    def __init__(self, n_in=6, hidden=7):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR0)
    scheduler = torch.optim.lr_scheduler.LinearLR(optimizer, end_factor=0.0, total_iters=TOTAL_STEPS)   # BUG: LinearLR(optimizer, start_factor=1.0, end_factor=0.0, total_iters=TOTAL_STEPS)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
