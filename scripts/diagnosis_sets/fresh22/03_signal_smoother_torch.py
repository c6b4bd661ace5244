"""SignalSmoother (03_signal_smoother_numpy.py) in PyTorch: encode to 4 tanh features, upsample
each feature to two samples, decode with a linear layer; half MSE, SGD(momentum=0.9) at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn


class SignalSmoother(nn.Module):
    def __init__(self, n=8, coarse=4):
        super().__init__()
        self.encode = nn.Linear(n, coarse)
        self.decode = nn.Linear(n, n)

    def forward(self, x):
        h = torch.tanh(self.encode(x))
        u = h.repeat(1, 2)   # BUG: u = h.repeat_interleave(2, dim=1)
        return self.decode(u)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
