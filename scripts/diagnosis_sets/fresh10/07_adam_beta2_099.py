"""Port of a three-hidden-layer ReLU classifier (4 -> 8 -> 8 -> 6 -> 3, softmax output, mean
cross-entropy on the logits, Adam, mini-batches of 12). make_optimizer took its betas from
another recipe, (0.9, 0.99), where the NumPy network's Adam uses beta2 = 0.999."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, sizes=(4, 8, 8, 6, 3)):
        super().__init__()
        self.linears = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))

    def forward(self, x):
        *hidden, last = self.linears
        for lin in hidden:
            x = torch.relu(lin(x))
        return last(x)


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.99))   # BUG: betas=(0.9, 0.999)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
