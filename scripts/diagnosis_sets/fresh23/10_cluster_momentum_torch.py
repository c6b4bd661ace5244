"""PyTorch port of ClusterNet (10_cluster_momentum_numpy.py): 5 -> 8 sigmoid -> 3, summed
cross-entropy, clip_grad_norm_ to CLIP, SGD(momentum=0.9)."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.02
MU = 0.9
CLIP = 2.0


class ClusterNet(nn.Module):
    def __init__(self, n_in=5, n_hidden=8, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1), reduction="sum")
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP)
    optimizer.step()
    return loss.item()
