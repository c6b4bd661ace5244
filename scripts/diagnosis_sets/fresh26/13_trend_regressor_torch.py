"""TrendRegressor in PyTorch: the signal and its running mean (torch.cumsum over the samples
divided by the position count) concatenated, Linear -> tanh -> Linear, MSE, Adam at 0.01."""

import torch
import torch.nn.functional as F
from torch import nn

LENGTH, HIDDEN = 10, 8


class TrendRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(2 * LENGTH, HIDDEN)
        self.out = nn.Linear(HIDDEN, 1)

    def forward(self, x):
        counts = torch.arange(1, LENGTH + 1, dtype=x.dtype)
        running_mean = torch.cumsum(x, dim=1) / counts
        return self.out(torch.tanh(self.hidden(torch.cat([x, running_mean], dim=1))))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
