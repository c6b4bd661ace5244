"""RecurrentRegressor in PyTorch: nn.RNN(2, 10, batch_first=True), the prediction read from the
final hidden state h_n; F.mse_loss, torch.optim.Adam(lr=0.01)."""

import torch
import torch.nn.functional as F
from torch import nn


class RecurrentRegressor(nn.Module):
    def __init__(self, n_in=2, hidden=10):
        super().__init__()
        self.rnn = nn.RNN(n_in, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        _, h_n = self.rnn(x)
        return self.head(h_n[-1])


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
