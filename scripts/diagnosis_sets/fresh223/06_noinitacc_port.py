"""PyTorch port of adagrad_numpy.py: sigmoid MLP regressor with torch.optim.Adagrad."""

import torch
import torch.nn as nn


class AdagradRegressor(nn.Module):
    def __init__(self, n_in=6, n_hidden=16, n_out=2):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.head = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.head(torch.sigmoid(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.Adagrad(model.parameters(), lr=0.05, eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    pred = model(X)
    loss = ((pred - y) ** 2).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
