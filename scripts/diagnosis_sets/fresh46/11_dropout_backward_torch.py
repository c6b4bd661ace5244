"""DropoutRegressor in PyTorch: Linear -> tanh -> inverted dropout with the stored mask ->
Linear, MSE, SGD at 0.1 (the mask comes with the data so the run is reproducible)."""

import torch
import torch.nn.functional as F
from torch import nn

P = 0.3
LR = 0.1


class DropoutRegressor(nn.Module):
    def __init__(self, n_in=5, hidden=10):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x, mask):
        h = torch.tanh(self.fc1(x))
        h = h * mask / (1 - P)
        return self.fc2(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X[:, :5], X[:, 5:]), y)
    loss.backward()
    optimizer.step()
    return loss.item()
