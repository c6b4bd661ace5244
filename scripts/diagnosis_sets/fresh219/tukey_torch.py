"""PyTorch port of tukey_numpy.py: a ReLU regressor trained with Tukey's biweight loss, plain SGD."""

import torch
import torch.nn as nn

C = 3.0


def tukey_biweight(pred, target, c=C):
    r = pred - target
    inside = r.abs() <= c
    rho_in = c ** 2 / 6 * (1 - (1 - (r / c) ** 2) ** 3)
    rho = torch.where(inside, rho_in, torch.full_like(r, c ** 2 / 6))
    return rho.mean()


class TukeyRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(3, 10), nn.Linear(10, 1)])

    def forward(self, x):
        x = torch.relu(self.layers[0](x))
        return self.layers[1](x).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = tukey_biweight(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
