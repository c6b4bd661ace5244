"""A dropout layer added 'for regularisation' to a port of a NumPy network that has none;
the model is in train mode, so it drops units every step."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.drop = nn.Dropout(p=0.2)   # BUG: the NumPy network has no dropout
        self.fc2 = nn.Linear(8, 1)

    def forward(self, x):
        h = torch.sigmoid(self.fc1(x))
        return torch.sigmoid(self.fc2(self.drop(h)))


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
