"""FullPoissonNet in PyTorch: F.poisson_nll_loss on the log-rate with full=True (Stirling's term),
SGD with momentum 0.9."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MU = 0.05, 0.9


class FullPoissonNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.poisson_nll_loss(model(X), y, log_input=True, full=True)
    loss.backward()
    optimizer.step()
    return loss.item()
