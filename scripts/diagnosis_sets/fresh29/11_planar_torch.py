"""Faithful PyTorch port of the course's planar network (11_planar_numpy.py): the same parameter
shapes (W1 (4, 2), b1 (4, 1), ...) as raw nn.Parameters, the forward pass in the column layout,
the cost as F.binary_cross_entropy on A2, SGD at 1.2."""

import torch
import torch.nn.functional as F
from torch import nn

LEARNING_RATE = 1.2


class PlanarNet(nn.Module):
    def __init__(self, n_x=2, n_h=4, n_y=1):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_h, n_x) * 0.01)
        self.b1 = nn.Parameter(torch.zeros(n_h, 1))
        self.W2 = nn.Parameter(torch.randn(n_y, n_h) * 0.01)
        self.b2 = nn.Parameter(torch.zeros(n_y, 1))

    def forward(self, X_rows):
        X = X_rows.T
        A1 = torch.tanh(self.W1 @ X + self.b1)
        return torch.sigmoid(self.W2 @ A1 + self.b2)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    A2 = model(X)
    cost = F.binary_cross_entropy(A2, y.T)
    cost.backward()
    optimizer.step()
    return cost.item()
