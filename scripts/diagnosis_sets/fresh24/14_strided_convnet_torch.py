"""StridedConvNet in PyTorch: nn.Conv1d(3, 6, 4, stride=2), ReLU, mean over positions,
nn.Linear(6, 3); F.cross_entropy, torch.optim.Adam(lr=0.01)."""

import torch
import torch.nn.functional as F
from torch import nn


class StridedConvNet(nn.Module):
    def __init__(self, c_in=3, c_out=6, width=4, stride=2, classes=3):
        super().__init__()
        self.conv = nn.Conv1d(c_in, c_out, width, stride=stride)
        self.fc = nn.Linear(c_out, classes)

    def forward(self, x):
        return self.fc(F.relu(self.conv(x)).mean(dim=2))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
