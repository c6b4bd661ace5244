"""PyTorch port of the focal-loss classifier (16_focal_classifier_numpy.py): 2 -> 12 tanh -> 1 sigmoid,
the focal loss with gamma = 2 written with torch.where and autograd, SGD."""

import torch
from torch import nn

GAMMA = 2.0
LEARNING_RATE = 1.0


class FocalClassifier(nn.Module):
    def __init__(self, n_in=2, n_hidden=12):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def focal_loss(p, y, gamma=GAMMA):
    pt = torch.where(y == 1, p, 1 - p)
    return (-(1 - pt) ** gamma * torch.log(pt)).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = focal_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
