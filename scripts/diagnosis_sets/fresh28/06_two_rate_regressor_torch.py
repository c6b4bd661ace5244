"""TwoRateRegressor in PyTorch: 3 -> 10 ReLU -> 2, MSE, SGD with momentum 0.9 over two parameter
groups, the hidden layer at 0.05 and the output layer at 0.01."""

import torch
import torch.nn.functional as F
from torch import nn

LR_HIDDEN, LR_OUT, MU = 0.05, 0.01, 0.9


class TwoRateRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=10, n_out=2):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.out(F.relu(self.hidden(x)))


def make_optimizer(model):
    groups = [
        {"params": model.hidden.parameters(), "lr": LR_HIDDEN},
        {"params": model.out.parameters(), "learning_rate": LR_OUT},   # fix: {"params": model.out.parameters(), "lr": LR_OUT},
    ]
    return torch.optim.SGD(groups, lr=LR_HIDDEN, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
