"""PyTorch version of the autograd classifier (13_autograd_classifier_numpy.py): 4 -> 8 tanh -> 1
sigmoid, the same mean binary cross-entropy written with torch.log, SGD at 0.5."""

import torch
from torch import nn

LR = 0.5


class AutogradClassifier(nn.Module):
    def __init__(self, n_in=4, n_hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = model(X)
    loss = -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
