"""SignalConvNet in PyTorch: Conv1d(2, 3, 4) -> tanh -> flatten -> Linear(27, 3), cross-entropy,
SGD(lr=0.05, momentum=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn


class SignalConvNet(nn.Module):
    def __init__(self, c_in=2, c_out=3, k=4, length=12, classes=3):
        super().__init__()
        self.conv = nn.Conv1d(c_in, c_out, k)
        self.fc = nn.Linear(c_out * (length - k + 1), classes)

    def forward(self, x):
        return self.fc(torch.tanh(self.conv(x)).flatten(1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
