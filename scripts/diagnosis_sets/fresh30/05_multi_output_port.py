"""Multi-output regression port: 4 inputs -> 8 ReLU -> 3 linear outputs, one per target column,
trained with SGD and momentum. Each output is a separate quantity, so the loss is written as the
sum of the per-output mean squared errors, as in the multi-task tutorial I followed.
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_out=3):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.head = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.head(F.relu(self.hidden(x)))


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = F.mse_loss(out, y, reduction="none").mean(dim=0).sum()   # fix: loss = F.mse_loss(out, y, reduction="none").mean()
    loss.backward()
    optimizer.step()
    return loss.item()
