"""NoamClassifier in PyTorch: SGD with momentum under a LambdaLR Noam schedule."""

import torch
import torch.nn.functional as F
from torch import nn

BASE, MU, WARMUP = 1.5, 0.9, 8


class NoamClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 10)
        self.out = nn.Linear(10, 3)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=BASE, momentum=MU)
    noam = lambda t: min((t + 1) ** -0.5, (t + 1) * WARMUP ** -1.5)
    return optimizer, torch.optim.lr_scheduler.LambdaLR(optimizer, noam)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
