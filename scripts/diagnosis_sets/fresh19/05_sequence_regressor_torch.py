"""The sequence regressor with torch.nn.RNN (tanh, one layer) and a linear read-out of the
last step's hidden state; MSE, SGD(lr=0.1)."""

import torch
import torch.nn.functional as F
from torch import nn


class SequenceRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=8, n_out=1):
        super().__init__()
        self.rnn = nn.RNN(n_in, hidden)   # BUG: nn.RNN(n_in, hidden, batch_first=True)
        self.out = nn.Linear(hidden, n_out)

    def forward(self, x):
        states, _ = self.rnn(x)      # (n, T, hidden)
        return self.out(states[:, -1])


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
