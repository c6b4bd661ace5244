"""The training step never clears the gradients."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.fc2 = nn.Linear(6, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


def train_step(model, optimizer, X, y):
    out = model(X)
    loss = ((out - y) ** 2).sum()
    loss.backward()            # BUG: no optimizer.zero_grad() before this
    optimizer.step()
    return loss.item()
