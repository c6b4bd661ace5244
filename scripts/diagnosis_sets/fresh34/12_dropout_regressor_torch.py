"""DropoutRegressor in PyTorch. The fixed mask (drawn with NumPy from the same seed) is a buffer;
dropout is applied as torch writes it, with the drop probability P = 1 - KEEP_PROB: kept units
scaled by 1 / (1 - P). MSE, SGD with momentum."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

P = 0.2
MASK_SEED = 12
LR, MOMENTUM = 0.05, 0.9


class DropoutRegressor(nn.Module):
    def __init__(self, sizes=(4, 16, 16, 2)):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])
        self.fc3 = nn.Linear(sizes[2], sizes[3])
        mask = np.random.default_rng(MASK_SEED).random(sizes[1]) < 1 - P
        self.register_buffer("mask", torch.as_tensor(mask, dtype=torch.float64))

    def forward(self, x):
        h = torch.tanh(self.fc1(x)) * self.mask.to(x.dtype) / (1 - P)
        h = torch.tanh(self.fc2(h))
        return self.fc3(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
