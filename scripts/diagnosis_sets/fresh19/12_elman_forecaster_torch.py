"""ElmanForecaster in PyTorch: the recurrence as an explicit loop over two Linear layers
(one bias), MSE, SGD(lr=0.05, momentum=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn


class ElmanForecaster(nn.Module):
    def __init__(self, n_in=3, hidden=8, n_out=1):
        super().__init__()
        self.hidden = hidden
        self.x2h = nn.Linear(n_in, hidden)
        self.h2h = nn.Linear(hidden, hidden, bias=False)
        self.readout = nn.Linear(hidden, n_out)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], self.hidden)
        for t in range(x.shape[1]):
            h = torch.tanh(self.x2h(x[:, t]) + self.h2h(h))
        return self.readout(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
