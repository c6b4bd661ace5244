"""PyTorch version of the chapter 6 streetlight network (15_streetlights_numpy.py): 3 -> 4 ReLU -> 1,
no biases, one SGD step (alpha = 0.2) per row on half the squared error, so that the gradient is
the book's delta = prediction - goal."""

import torch
from torch import nn

ALPHA = 0.2


class StreetlightNet(nn.Module):
    def __init__(self, hidden_size=4):
        super().__init__()
        self.layer_1 = nn.Linear(3, hidden_size, bias=False)
        self.layer_2 = nn.Linear(hidden_size, 1, bias=False)

    def forward(self, x):
        return self.layer_2(torch.relu(self.layer_1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=ALPHA)


def train_step(model, optimizer, X, y):
    total_error = 0.0
    for i in range(len(X)):
        optimizer.zero_grad()
        prediction = model(X[i:i + 1])
        error = ((prediction - y[i:i + 1]) ** 2).sum()
        (0.5 * error).backward()
        optimizer.step()
        total_error += error.item()
    return total_error
