"""Port of a sigmoid-hidden binary classifier trained on binary cross-entropy with plain SGD.
The output block was written nn.Linear(8, 1) followed by nn.Softmax(dim=1) ("softmax for
classification"), where the NumPy network uses a sigmoid: a softmax over a single column is
1.0 for every row, so the prediction ignores the input and no gradient flows back."""

import torch
from torch import nn


class BinaryNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(5, 8),
            nn.Sigmoid(),
            nn.Linear(8, 1),
            nn.Softmax(dim=1),   # BUG: nn.Sigmoid()
        )

    def forward(self, x):
        return self.net(x)


criterion = nn.BCELoss()


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
