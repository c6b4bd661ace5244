"""ElmanRNN in PyTorch: the recurrence unrolled over two Linear layers (the input one carries the
bias), a Linear readout of the last state; F.mse_loss, RMSprop(lr=0.01, alpha=0.9, eps=1e-8)."""

import torch
import torch.nn.functional as F
from torch import nn


class ElmanRNN(nn.Module):
    def __init__(self, n_in=2, hidden=10, n_out=1):
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
    return torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
