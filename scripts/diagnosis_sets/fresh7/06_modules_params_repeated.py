"""Port of a ReLU binary classifier (5 -> 7 -> 1, sigmoid output, binary cross-entropy, SGD
with momentum 0.9) whose make_optimizer gathers the parameters module by module, to leave
room for per-module options later. It iterates model.modules() and takes m.parameters(),
which recurses: every parameter is listed three times (by the model, by the nn.Sequential,
by its own Linear), and SGD updates it, and its momentum buffer, three times per step."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(
            nn.Linear(5, 7), nn.ReLU(),
            nn.Linear(7, 1), nn.Sigmoid(),
        )

    def forward(self, x):
        return self.body(x)


def make_optimizer(model, lr):
    params = [p for m in model.modules() for p in m.parameters()]   # BUG: each module's own parameters only: m.parameters(recurse=False)
    return torch.optim.SGD(params, lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
