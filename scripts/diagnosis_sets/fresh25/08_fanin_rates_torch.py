"""PyTorch port of the per-layer-rate classifier (08_fanin_rates_numpy.py): 4 -> 16 tanh -> 1 sigmoid,
nn.BCELoss, one SGD optimizer per layer at ETA / sqrt(fan-in), stepped together through a small
MultiOptimizer wrapper."""

import math

import torch
from torch import nn

ETA = 0.5


class FanInRatesNet(nn.Module):
    def __init__(self, n_in=4, n_hidden=16):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.output = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.output(torch.tanh(self.hidden(x))))


class MultiOptimizer:
    """Drives several optimizers as one."""

    def __init__(self, *optimizers):
        self.optimizers = optimizers
        self.param_groups = [g for opt in optimizers for g in opt.param_groups]
        self.state = {}
        for opt in optimizers:
            self.state.update(opt.state)

    def zero_grad(self):
        for opt in self.optimizers:
            opt.zero_grad()

    def step(self):
        for opt in self.optimizers:
            opt.step()


def make_optimizer(model):
    hidden_opt = torch.optim.SGD(model.hidden.parameters(), lr=ETA / math.sqrt(model.hidden.in_features))
    output_opt = torch.optim.SGD(model.parameters(), lr=ETA / math.sqrt(model.output.in_features))   # BUG: output_opt = torch.optim.SGD(model.output.parameters(), lr=ETA / math.sqrt(model.output.in_features))
    return MultiOptimizer(hidden_opt, output_opt)


criterion = nn.BCELoss()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
