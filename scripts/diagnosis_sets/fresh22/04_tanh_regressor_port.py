"""Two-output regressor ported from NumPy: 4 inputs, two hidden layers of 8 tanh units, a linear
output layer, mean squared error. The optimizer (Nesterov momentum) is built by the training
script; train_step does one update."""

import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=8, n_out=2):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(n_in, n_hidden),
            nn.Tanhshrink(),   # BUG: nn.Tanh(),
            nn.Linear(n_hidden, n_hidden),
            nn.Tanh(),
            nn.Linear(n_hidden, n_out),
        )

    def forward(self, x):
        return self.layers(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
