"""Correct port in an unusual style: nn.Sequential built from an OrderedDict of named layers
(5 -> 8 -> 6 -> 1, two ReLU hidden layers), forward returns the logit, and the loss is
F.soft_margin_loss(z, 2y - 1), the mean logistic loss log(1 + exp(-t z)) on +/-1 labels,
which is binary cross-entropy with logits; the kit's Adam."""

from collections import OrderedDict

import torch.nn.functional as F
from torch import nn


class MarginNet(nn.Module):
    def __init__(self, n_in=5):
        super().__init__()
        self.net = nn.Sequential(OrderedDict([
            ("fc1", nn.Linear(n_in, 8)),
            ("relu1", nn.ReLU()),
            ("fc2", nn.Linear(8, 6)),
            ("relu2", nn.ReLU()),
            ("logit", nn.Linear(6, 1)),
        ]))

    def forward(self, x):
        return self.net(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.soft_margin_loss(model(X), 2 * y - 1)
    loss.backward()
    optimizer.step()
    return loss.item()
