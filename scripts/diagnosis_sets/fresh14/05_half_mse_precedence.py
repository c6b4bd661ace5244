"""Port of a tanh regressor with two outputs (4 -> 6 -> 2, linear output, half the mean squared
error, mini-batches of 8). train_step writes the half-MSE as the sum of squares over 2 * the
number of elements, but typed it ((out - y) ** 2).sum() / 2 * out.numel(): by precedence that
is (sum / 2) * numel, not sum / (2 * numel), so the loss and every gradient are numel^2 =
16^2 = 256 times the half-MSE's."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, width=6, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = ((out - y) ** 2).sum() / 2 * out.numel()   # BUG: the divisor in parentheses: ((out - y) ** 2).sum() / (2 * out.numel())
    loss.backward()
    optimizer.step()
    return loss.item()
