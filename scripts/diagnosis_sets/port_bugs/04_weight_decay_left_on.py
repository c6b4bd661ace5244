"""SGD with momentum; the optimizer line was copied from an image-classification recipe
and kept its weight_decay."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(4, 6), nn.Sigmoid(), nn.Linear(6, 1), nn.Sigmoid())

    def forward(self, x):
        return self.layers(x)


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, weight_decay=5e-4)   # BUG: weight_decay


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
