"""Port of a two-hidden-layer ReLU regressor (6 -> 10 -> 6 -> 1, linear output, mean squared
error, Nesterov momentum, mini-batches of 11). The hidden activation was written F.softplus,
the 'smooth ReLU' log(1 + exp(z)), where the NumPy network's hidden layers use
ReLU max(z, 0)."""

import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=6, h1=10, h2=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.fc3 = nn.Linear(h2, 1)

    def forward(self, x):
        for layer in (self.fc1, self.fc2):
            x = F.softplus(layer(x))   # BUG: ReLU: F.relu(layer(x))
        return self.fc3(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
