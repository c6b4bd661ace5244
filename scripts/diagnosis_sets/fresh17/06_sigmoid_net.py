"""PyTorch port of my old sigmoid network (6 -> 7 -> 1, sigmoid hidden and output, half summed
squared error, plain gradient descent), ported from the NumPy version in my course notes."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, n_hidden=7):
        super().__init__()
        self.layer1 = nn.Linear(n_in, n_hidden)
        self.layer2 = nn.Linear(n_hidden, 1)

    def forward(self, a0):
        a1 = torch.sigmoid(self.layer1(a0))
        return torch.sigmoid(self.layer2(a1))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    a2 = model(X.T)   # BUG: a2 = model(X)
    loss = 0.5 * torch.sum((a2 - y) ** 2)
    loss.backward()
    optimizer.step()
    return loss.item()
