"""Ordinal levels as three binary tasks P(level > k), 4 -> 6 tanh -> 3 logits in an nn.ModuleDict,
the mean BCE over every task and row written with F.logsigmoid on both sides of each task, SGD
with one parameter group per layer.
"""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleDict({"hidden": nn.Linear(4, 6), "tasks": nn.Linear(6, 3)})

    def forward(self, x):
        return self.layers["tasks"](torch.tanh(self.layers["hidden"](x)))


def make_optimizer(model, lr):
    return torch.optim.SGD([{"params": m.parameters()} for m in model.layers.values()], lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    z = model(X)
    loss = -(y * F.logsigmoid(z) + (1 - y) * F.logsigmoid(-z)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
