"""HeteroRegressor in PyTorch: one nn.Linear trunk with tanh, a two-column head split into the mean and
the log-variance, F.gaussian_nll_loss (full=False, mean), SGD with momentum 0.9."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MOMENTUM = 0.02, 0.9


class HeteroRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=16):
        super().__init__()
        self.trunk = nn.Linear(n_in, hidden)
        self.head = nn.Linear(hidden, 2)

    def forward(self, x):
        out = self.head(torch.tanh(self.trunk(x)))
        return out[:, :1], out[:, 1:]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    mu, log_var = model(X)
    loss = F.gaussian_nll_loss(mu, y, log_var.exp())
    loss.backward()
    optimizer.step()
    return loss.item()
