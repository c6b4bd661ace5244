"""Log1pSoftplusNet in PyTorch: Linear -> Softplus -> Linear, half MSE, SGD(momentum=0.9) at
0.02."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MU = 0.02, 0.9


class Log1pSoftplusNet(nn.Module):
    def __init__(self, n_in=3, hidden=10):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(F.softplus(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
