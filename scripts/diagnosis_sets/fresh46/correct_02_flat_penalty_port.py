"""Regression port, 5 -> 8 tanh -> 1, MSE, Adam, with the L2 term of Adam(weight_decay=WD) written
as a penalty on one flat vector of all parameters, 0.5 * WD * ||theta||^2 (its gradient WD * p
for every parameter), made with torch.nn.utils.parameters_to_vector; Adam runs without decay."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import parameters_to_vector

WD = 0.05


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(n_in, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def forward(self, x):
        return self.layers(x)


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    data_loss = F.mse_loss(model(X), y)
    theta = parameters_to_vector(model.parameters())
    (data_loss + 0.5 * WD * theta.dot(theta)).backward()
    optimizer.step()
    return data_loss.item()
