"""Port half of a correct pair (09_pair_momentum_numpy.py): SGD(momentum=0.9), MSELoss."""

import torch
from torch import nn


class DeepMomentum(nn.Module):
    def __init__(self, n_in=4, sizes=(8, 6), n_out=1):
        super().__init__()
        self.l1 = nn.Linear(n_in, sizes[0])
        self.l2 = nn.Linear(sizes[0], sizes[1])
        self.l3 = nn.Linear(sizes[1], n_out)

    def forward(self, x):
        return torch.sigmoid(self.l3(torch.sigmoid(self.l2(torch.sigmoid(self.l1(x))))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
