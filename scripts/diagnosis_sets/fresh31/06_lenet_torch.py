"""The tiny LeNet in PyTorch, laid out like the usual tutorials: a features block (Conv2d, Tanh,
pooling), a classifier block (Linear, Tanh, Linear). F.cross_entropy, SGD with momentum 0.9."""

import torch
import torch.nn.functional as F
from torch import nn


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 4, kernel_size=3),
            nn.Tanh(),
            nn.MaxPool2d(kernel_size=2, stride=2),   # fix: nn.AvgPool2d(kernel_size=2, stride=2),
        )
        self.classifier = nn.Sequential(
            nn.Linear(36, 10),
            nn.Tanh(),
            nn.Linear(10, 3),
        )

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
