"""ClippedRegressor in PyTorch: 3 -> 8 tanh -> 2, MSE, SGD, clip_grad_norm_(max_norm=0.5)."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MAX_NORM = 0.1, 0.5


class ClippedRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=8, n_out=2):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
