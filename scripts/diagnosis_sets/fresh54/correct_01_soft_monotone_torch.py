"""SoftMonotoneNet in PyTorch: nn.Linear layers whose weight is re-parametrised to softplus of a
free tensor with torch.nn.utils.parametrize, SGD(nesterov=True)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import parametrize

LR, MU = 0.05, 0.9


class Softplus(nn.Module):
    def forward(self, v):
        return F.softplus(v)


class SoftMonotoneNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 6)
        self.fc2 = nn.Linear(6, 1)
        for layer in (self.fc1, self.fc2):
            parametrize.register_parametrization(layer, "weight", Softplus())

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
