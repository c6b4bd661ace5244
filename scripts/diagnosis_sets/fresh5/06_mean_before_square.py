"""Port of a two-hidden-layer ReLU regressor (linear output, mean squared error, plain SGD).
The hand-written loss has its parenthesis in the wrong place: torch.mean(pred - y) ** 2 is
the square of the mean error, not the mean of the squared errors, so every row gets the same
output gradient 2 * mean(err) / n."""

import torch
from torch import nn


class DeepRegressor(nn.Module):
    def __init__(self, sizes=(4, 8, 8, 1)):
        super().__init__()
        self.l1 = nn.Linear(sizes[0], sizes[1])
        self.l2 = nn.Linear(sizes[1], sizes[2])
        self.l3 = nn.Linear(sizes[2], sizes[3])

    def forward(self, x):
        x = torch.relu(self.l1(x))
        x = torch.relu(self.l2(x))
        return self.l3(x)


def mse(pred, target):
    return torch.mean(pred - target) ** 2   # BUG: torch.mean((pred - target) ** 2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = mse(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
