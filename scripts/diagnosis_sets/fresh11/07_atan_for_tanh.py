"""Port of a tanh classifier with two hidden layers (3 -> 6 -> 5 -> 1, sigmoid output, summed
squared error, heavy-ball momentum). A tab-completion slip: the second hidden layer calls
torch.atan where torch.tanh is meant (the first layer is right), so that layer computes
arctan(z), which saturates at pi/2 instead of 1."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=3, h1=6, h2=5):
        super().__init__()
        self.fc1 = nn.Linear(n_in, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.fc3 = nn.Linear(h2, 1)

    def forward(self, x):
        h = torch.tanh(self.fc1(x))
        h = torch.atan(self.fc2(h))   # BUG: torch.tanh(self.fc2(h))
        return torch.sigmoid(self.fc3(h))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
