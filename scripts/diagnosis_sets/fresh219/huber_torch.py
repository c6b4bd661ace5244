"""PyTorch port of huber_numpy.py: a tanh regressor trained with the Huber loss and AdamW."""

import torch
import torch.nn as nn
import torch.nn.functional as F

DELTA = 0.5


class HuberRegressor(nn.Module):
    def __init__(self, n_in=4, hidden=16):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.head(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.huber_loss(model(X), y, delta=DELTA)
    loss.backward()
    optimizer.step()
    return loss.item()
