"""SignalConvNet in PyTorch: nn.Conv1d(3, 8, 5) on the (n, 3, 12) signals, ReLU, global average
pooling, nn.Linear(8, 3); F.cross_entropy, SGD(momentum=0.9) at lr 0.1."""

import torch
import torch.nn.functional as F
from torch import nn


class SignalConvNet(nn.Module):
    def __init__(self, c_in=3, c_out=8, width=5, classes=3):
        super().__init__()
        self.conv = nn.Conv1d(c_in, c_out, width)
        self.fc = nn.Linear(c_out, classes)

    def forward(self, x):
        h = F.relu(self.conv(x))            # (n, c_out, positions)
        pooled = h.mean(dim=1)   # BUG: pooled = h.mean(dim=2)
        return self.fc(pooled)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
