"""SwatchCNN in PyTorch. The head wants a fixed 2x2 map whatever comes out of the convolution,
so the pooling is done the torchvision way, with an adaptive pooling layer before the flatten.
Conv2d(2, 4, 3) -> tanh -> max pooling to 2x2 -> Linear(16, 3). Adam at 0.02."""

import torch
import torch.nn.functional as F
from torch import nn


class SwatchCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 4, 3)
        self.pool = nn.AdaptiveMaxPool2d((2, 2))   # fix: self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(16, 3)

    def forward(self, x):
        x = self.pool(torch.tanh(self.conv(x)))
        return self.fc(x.flatten(1))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.02)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
