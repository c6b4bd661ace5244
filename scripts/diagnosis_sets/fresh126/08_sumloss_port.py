"""PyTorch port of c_numpy.py: Conv2d(1, 3, 3) -> tanh -> MaxPool2d(3, stride=2) -> flatten
-> Linear(12, 2); F.mse_loss (mean); torch.optim.SGD(lr=0.05, momentum=0.9, nesterov=True).

    conv.weight = K, conv.bias = bK, fc.weight = W.T, fc.bias = b
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class LoopConvRegressor(nn.Module):
    def __init__(self, in_channels=1, filters=3, outputs=2):
        super().__init__()
        self.conv = nn.Conv2d(in_channels, filters, 3)
        self.pool = nn.MaxPool2d(3, stride=2)
        self.fc = nn.Linear(filters * 2 * 2, outputs)

    def forward(self, x):
        x = self.pool(torch.tanh(self.conv(x)))
        return self.fc(x.flatten(1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y, reduction="sum")  # fix: loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
