"""TemperedNet in PyTorch: Linear 4 -> 8, tanh, Linear 8 -> 3; the model returns the tempered
scores z / T (T = 2), trained with cross-entropy against the one-hot targets, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

T = 2.0
LR = 0.2


class TemperedNet(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x))) / T


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
