"""Blog-post port of a tanh / sigmoid network trained on binary cross-entropy with Nesterov
momentum. The input has 5 features and the hidden layer 5 units, so a variable-name slip in
forward goes unnoticed: the output layer is applied to x (the input) instead of h (the hidden
activation), and the hidden layer is computed but never used."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 5)
        self.output = nn.Linear(5, 1)

    def forward(self, x):
        h = torch.tanh(self.hidden(x))
        return torch.sigmoid(self.output(x))   # BUG: self.output(h)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
