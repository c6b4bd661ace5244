"""Port of the sine-curve fit with the parameters written out by hand, the way the NumPy
version had them: w1 (1, 16), b1, w2 (16, 1), b2. With a single input, x * w1 broadcasts to the
outer product, which is x @ w1; the output sums h * w2^T over the hidden units. Mean squared
error through F.mse_loss, whatever order its two arguments come in (the loss is symmetric)."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.w1 = nn.Parameter(torch.randn(1, hidden))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.w2 = nn.Parameter(torch.randn(hidden, 1) / hidden ** 0.5)
        self.b2 = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        h = torch.tanh(x * self.w1 + self.b1)
        return (h * self.w2.T).sum(dim=1, keepdim=True) + self.b2


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(y, model(X))
    loss.backward()
    optimizer.step()
    return loss.item()
