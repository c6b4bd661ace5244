"""The same fit with torch.nn, as in the tutorial: the features x^p for p = 1, 2, 3 built with
unsqueeze and pow, one nn.Linear(3, 1), nn.MSELoss, SGD at 1e-3."""

import torch
from torch import nn

POWERS = torch.tensor([1, 2, 3])


class CubicFit(nn.Module):
    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(3, 1)

    def forward(self, x):
        xx = x.pow(POWERS)   # x is (n, 1): broadcasting gives (n, 3)
        return self.linear(xx)


loss_fn = nn.MSELoss()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
