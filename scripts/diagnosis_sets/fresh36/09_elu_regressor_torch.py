"""EluRegressor in PyTorch: Linear -> ELU(alpha=1) -> Linear, MSE, SGD at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

ALPHA = 1.0
LR = 0.05


class EluRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=10):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.act = nn.ELU(alpha=ALPHA)
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
