"""PyTorch port of RobustLine (12_robust_line_numpy.py): 2 -> 6 tanh -> 1, F.huber_loss with
delta=DELTA, SGD at LR."""

import torch
import torch.nn.functional as F
from torch import nn

DELTA = 1.0
LR = 0.2


class RobustLine(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(2, 6)
        self.head = nn.Linear(6, 1)

    def forward(self, x):
        return self.head(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.huber_loss(model(X), y, delta=DELTA)
    loss.backward()
    optimizer.step()
    return loss.item()
