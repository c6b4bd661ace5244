"""AdamaxRegressor in PyTorch: Linear -> Tanh -> Linear, F.mse_loss, torch.optim.Adamax."""

import torch
import torch.nn.functional as F
from torch import nn

LR, BETA1, BETA2, EPS = 0.01, 0.9, 0.999, 1e-8


class AdamaxRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 12)
        self.fc2 = nn.Linear(12, 2)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.Adamax(model.parameters(), lr=LR, betas=(BETA1, BETA2), eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
