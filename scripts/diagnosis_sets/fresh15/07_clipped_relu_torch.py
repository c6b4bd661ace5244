"""PyTorch port of 07_clipped_relu_numpy.py: SGD at 0.1, gradients clipped to norm 1.0."""

import torch
from torch import nn

LR = 0.1
MAX_NORM = 1.0


class ClippedNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 10)
        self.fc2 = nn.Linear(10, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.relu(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.binary_cross_entropy(model(X), y, reduction="sum")
    loss.backward()
    for p in model.parameters(): nn.utils.clip_grad_norm_(p, MAX_NORM)   # BUG: one norm over all parameters together: nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
