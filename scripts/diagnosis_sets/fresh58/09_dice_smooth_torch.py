"""PyTorch port of 09_dice_smooth_numpy.py: 6 -> 8 tanh -> 4 sigmoid pixels, soft Dice loss per example, SGD."""

import torch
from torch import nn

SMOOTH = 1.0
LR = 1.0


class DiceNet(nn.Module):
    def __init__(self, n_in=6, n_hidden=8, n_out=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def dice_loss(p, y):
    inter = (p * y).sum(dim=1)
    total = p.sum(dim=1) + y.sum(dim=1)
    return (1 - (2 * inter + SMOOTH) / (total + SMOOTH)).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = dice_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
