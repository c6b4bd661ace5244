"""Port of a tanh regressor (5 -> 8 -> 1, linear output, mean squared error, Nesterov
momentum, mini-batches of 10), script style: make_optimizer also builds a module-level
learning-rate schedule, copied from a training recipe, that train_step steps after every
batch. The recipe's schedule is CosineAnnealingLR(T_max=100), which multiplies the learning
rate by (1 + cos(pi t / 100)) / 2 after t steps; the NumPy network keeps its learning rate
constant."""

import torch
import torch.nn.functional as F
from torch import nn

EPOCHS = 100
scheduler = None


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.head(torch.tanh(self.hidden(x)))


def make_optimizer(model, lr):
    global scheduler
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, nesterov=True)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=EPOCHS)   # BUG: constant rate: torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1.0)
    return optimizer


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
