"""PyTorch port of 13_jaccard_grad_numpy.py: soft IoU (Jaccard) loss per example, SGD."""

import torch
from torch import nn

S = 1.0
LR = 1.0


class JaccardNet(nn.Module):
    def __init__(self, n_in=6, n_hidden=8, n_out=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))


def jaccard_loss(p, y):
    inter = (p * y).sum(dim=1)
    union = (p + y - p * y).sum(dim=1)
    return (1 - (inter + S) / (union + S)).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = jaccard_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
