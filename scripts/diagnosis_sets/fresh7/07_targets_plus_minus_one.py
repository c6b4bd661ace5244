"""Port of a tanh regressor trained on 0/1 labels (4 -> 6 -> 1, linear output, mean squared
error, plain SGD). train_step was adapted from the author's margin-classifier code and
re-codes the labels to -1/+1 (2 * y - 1) before the loss, so the port regresses onto other
targets than the NumPy network does."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 6)
        self.out = nn.Linear(6, 1)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def train_step(model, optimizer, X, y):
    target = 2 * y - 1   # BUG: the NumPy network fits the 0/1 labels themselves: target = y
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), target)
    loss.backward()
    optimizer.step()
    return loss.item()
