"""BilinearClassifier in PyTorch: nn.Bilinear(4, 4, 3) on the two halves of each row, tanh, an
nn.Linear head, F.binary_cross_entropy_with_logits, torch.optim.SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class BilinearClassifier(nn.Module):
    def __init__(self, half=4, units=3):
        super().__init__()
        self.bilinear = nn.Bilinear(half, half, units)
        self.head = nn.Linear(units, 1)

    def forward(self, X):
        x, z = X[:, :4], X[:, 4:]
        return self.head(torch.tanh(self.bilinear(x, z)))


def make_optimizer(model, lr=LR):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
