"""Port of a small tanh regressor (3 -> 7 -> 1, linear output, half the sum of squared errors,
plain SGD). train_step came from mixed-precision code: it back-propagates the loss times a
static loss scale of 128 and never unscales the gradients before optimizer.step(), so every
step is 128 times too large."""

import torch
from torch import nn

LOSS_SCALE = 128.0


class Net(nn.Module):
    def __init__(self, n_in=3, n_hidden=7):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * ((model(X) - y) ** 2).sum()
    (loss * LOSS_SCALE).backward()   # BUG: no loss scaling in float32 (or unscale the grads): loss.backward()
    optimizer.step()
    return loss.item()
