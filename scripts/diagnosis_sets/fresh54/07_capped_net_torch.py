"""CappedNet in PyTorch: Linear 4 -> 8, tanh, Linear 8 -> 1, the output soft-capped to (-C, C),
MSE, SGD with momentum 0.9."""

import torch
import torch.nn.functional as F
from torch import nn

C = 3.0
LR, MU = 0.05, 0.9


class CappedNet(nn.Module):
    def __init__(self, n_in=4, hidden=8):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        z = self.head(torch.tanh(self.hidden(x)))
        return C * torch.tanh(z / C)


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
