"""gm_torch.py written another way: torch.optim.SGD with a param-group dict per group.

    scale (5,) = s;  fc1.weight = W1.T, fc1.bias = b1;  fc2.weight = W2.T, fc2.bias = b2
"""

import torch
import torch.nn as nn


class GroupedRegressor(nn.Module):
    def __init__(self, n_in=5, hidden=12, n_out=2):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(n_in))
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, X):
        h = torch.sigmoid(self.fc1(X * self.scale))
        return self.fc2(h)


def make_optimizer(model):
    weights = [p for n, p in model.named_parameters() if n.endswith("weight")]
    biases = [p for n, p in model.named_parameters() if n.endswith("bias")]
    return torch.optim.SGD([
        {"params": [model.scale], "lr": 0.05, "momentum": 0.0},
        {"params": weights, "lr": 0.1, "momentum": 0.9, "nesterov": True, "weight_decay": 1e-3},
        {"params": biases, "lr": 0.2, "momentum": 0.5},
    ], lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
