"""GradNoiseRegressor in PyTorch: Linear -> tanh -> Linear, MSE, SGD at 0.1, the annealed
gradient noise (the stored draws of gnoise.npz) added to each .grad before optimizer.step()."""

import math
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

ETA = 0.01
GAMMA = 0.55
LR = 0.1


class GradNoiseRegressor(nn.Module):
    def __init__(self, n_in=5, hidden=8, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)
        noise = np.load(Path(__file__).with_name("gnoise.npz"))
        # stored as (in, out) for the weights, like the NumPy version
        self.noise = {"fc1.weight": noise["W1"].transpose(0, 2, 1), "fc1.bias": noise["b1"],
                      "fc2.weight": noise["W2"].transpose(0, 2, 1), "fc2.bias": noise["b2"]}
        self.t = 0

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    std = math.sqrt(ETA / (1 + model.t) ** GAMMA)
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.grad += std * torch.as_tensor(model.noise[name][model.t], dtype=p.dtype)
    optimizer.step()
    model.t += 1
    return loss.item()
