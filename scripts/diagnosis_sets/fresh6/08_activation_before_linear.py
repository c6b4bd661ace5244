"""Port of a regressor with two tanh hidden layers (5 -> 8 -> 6 -> 1), linear output,
half mean squared error, Nesterov momentum. The nn.Sequential is built in a loop that puts
an nn.Tanh() in front of each Linear except the last (i < L - 1) where it should be in
front of each Linear except the first (i > 0): the raw input goes through tanh and the
second hidden layer is left linear."""

import torch.nn.functional as F
from torch import nn


def build(sizes):
    layers = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:])):
        if i < len(sizes) - 2:   # BUG: an activation after every hidden layer: if i > 0:
            layers.append(nn.Tanh())
        layers.append(nn.Linear(fan_in, fan_out))
    return nn.Sequential(*layers)


class DeepRegressor(nn.Module):
    def __init__(self, sizes=(5, 8, 6, 1)):
        super().__init__()
        self.body = build(sizes)

    def forward(self, x):
        return self.body(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
