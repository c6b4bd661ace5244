"""SignalCNN in PyTorch: Conv1d(2, 4, 3) -> ReLU -> mean over time -> Linear(4, 3),
F.cross_entropy, SGD(lr=0.2)."""

import torch
import torch.nn.functional as F
from torch import nn


class SignalCNN(nn.Module):
    def __init__(self, c_in=2, c_out=4, k=3, classes=3):
        super().__init__()
        self.conv = nn.Conv1d(c_in, c_out, kernel_size=k, padding=1)   # BUG: nn.Conv1d(c_in, c_out, kernel_size=k)
        self.fc = nn.Linear(c_out, classes)

    def forward(self, x):
        features = F.relu(self.conv(x)).mean(dim=2)
        return self.fc(features)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
