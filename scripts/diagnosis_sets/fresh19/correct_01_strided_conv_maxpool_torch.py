"""StridedConvNet in PyTorch: Conv1d -> ReLU -> amax over time -> Linear; summed cross-entropy;
Adam(lr=0.01)."""

import torch
import torch.nn.functional as F
from torch import nn


class StridedConvNet(nn.Module):
    def __init__(self, c_in=2, c_out=5, k=3, classes=3):
        super().__init__()
        self.conv = nn.Conv1d(c_in, c_out, k)
        self.dense = nn.Linear(c_out, classes)

    def forward(self, x):
        features, _ = F.relu(self.conv(x)).max(dim=2)
        return self.dense(features)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
