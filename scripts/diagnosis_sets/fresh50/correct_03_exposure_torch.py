"""ExposureRate in PyTorch: the log-rate lin(x) + log exposure scored by F.poisson_nll_loss at its
default log_input=True, SGD with momentum."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.05
MU = 0.9


class ExposureRate(nn.Module):
    def __init__(self, n_in=3):
        super().__init__()
        self.lin = nn.Linear(n_in, 1)

    def forward(self, x):
        return self.lin(x[:, :3]) + x[:, 3:]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.poisson_nll_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
