"""Four-layer tanh regressor in PyTorch (6 -> 10 -> 10 -> 10 -> 2), mean squared error, Adam.
Ported from the NumPy version."""

import torch
import torch.nn.functional as F
from torch import nn

LAYER_DECAY = 0.8


class Net(nn.Module):
    def __init__(self, sizes=(6, 10, 10, 10, 2)):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])
        self.fc3 = nn.Linear(sizes[2], sizes[3])
        self.out = nn.Linear(sizes[3], sizes[4])

    def forward(self, x):
        x = torch.tanh(self.fc1(x))
        x = torch.tanh(self.fc2(x))
        x = torch.tanh(self.fc3(x))
        return self.out(x)


def make_optimizer(model, lr):
    layers = [model.fc1, model.fc2, model.fc3, model.out]
    groups = []
    for depth, layer in enumerate(reversed(layers)):   # the head first
        groups.append({"params": list(layer.parameters()), "lr": lr * LAYER_DECAY ** depth})   # BUG: {"params": list(layer.parameters()), "lr": lr}
    return torch.optim.Adam(groups, lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
