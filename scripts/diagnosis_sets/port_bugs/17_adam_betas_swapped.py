"""Adam with its two betas written in the wrong order."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.fc2 = nn.Linear(6, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=(0.999, 0.9))   # BUG: (beta2, beta1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
