"""FourierClassifier in PyTorch: [sin z, cos z] concatenated with torch.cat, F.cross_entropy on the
one-hot targets (class probabilities), SGD with momentum 0.9."""

import math

import torch
import torch.nn.functional as F
from torch import nn

LR, MU = 0.2, 0.9


class FourierClassifier(nn.Module):
    def __init__(self, d=2, m=8, k=3):
        super().__init__()
        self.W = nn.Parameter(torch.randn(d, m))
        self.b = nn.Parameter(torch.rand(m))
        self.V = nn.Parameter(torch.randn(2 * m, k) * 0.3)
        self.c = nn.Parameter(torch.zeros(k))

    def forward(self, X):
        z = 2 * math.pi * X @ self.W + self.b  # fix: z = X @ self.W + self.b
        feats = torch.cat([torch.sin(z), torch.cos(z)], dim=1)
        return feats @ self.V + self.c


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
