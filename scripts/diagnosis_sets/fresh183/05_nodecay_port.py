"""PyTorch port of listnet_numpy.py: nn.Sequential scorer, ListNet loss with log_softmax,
torch.optim.SGD(momentum=0.9, weight_decay=5e-3)."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ListNetMLP(nn.Module):
    def __init__(self, n_features=10, h1=24, h2=12):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(n_features, h1), nn.ReLU(),
            nn.Linear(h1, h2), nn.ReLU(),
            nn.Linear(h2, 1, bias=False),
        )

    def forward(self, X):
        return self.net(X).squeeze(-1)          # (Q, L) scores


def listnet_loss(scores, rel):
    target = F.softmax(rel, dim=1)
    return -(target * F.log_softmax(scores, dim=1)).sum(dim=1).mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = listnet_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
