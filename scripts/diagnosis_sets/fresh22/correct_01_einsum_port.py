"""Port of the NumPy softmax classifier (5 inputs, 8 ReLU units, 3 classes, mean cross-entropy)
written the way the NumPy code reads: every layer an einsum against the nn.Linear weight, the
ReLU as torch.where, and the cross-entropy summed over the rows and divided by the number of
target ones, y.sum(), which for one-hot rows is the number of rows."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, n_hidden=8, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        z1 = torch.einsum("ni,oi->no", x, self.fc1.weight) + self.fc1.bias
        h = torch.where(z1 > 0, z1, torch.zeros_like(z1))
        return torch.einsum("ni,oi->no", h, self.fc2.weight) + self.fc2.bias


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    log_p = torch.log_softmax(model(X), dim=1)
    loss = -(y * log_p).sum() / y.sum()
    loss.backward()
    optimizer.step()
    return loss.item()
