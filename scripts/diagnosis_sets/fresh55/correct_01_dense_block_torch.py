"""Dense block classifier in PyTorch with raw (out, in) nn.Parameters through F.linear and the
feature list grown with torch.hstack; cross-entropy from integer labels, torch.optim.Adam."""

import math

import torch
import torch.nn.functional as F
from torch import nn


def _weight(n_out, n_in):
    w = torch.empty(n_out, n_in)
    nn.init.kaiming_uniform_(w, a=math.sqrt(5))
    return nn.Parameter(w)


class DenseBufferClassifier(nn.Module):
    def __init__(self, n_in=5, growth=6, n_classes=3):
        super().__init__()
        self.w1, self.c1 = _weight(growth, n_in), nn.Parameter(torch.zeros(growth))
        self.w2, self.c2 = _weight(growth, n_in + growth), nn.Parameter(torch.zeros(growth))
        self.w3, self.c3 = _weight(n_classes, n_in + 2 * growth), nn.Parameter(torch.zeros(n_classes))

    def forward(self, x):
        feats = [x]
        for w, c in ((self.w1, self.c1), (self.w2, self.c2)):
            feats.append(F.relu(F.linear(torch.hstack(feats), w, c)))
        return F.linear(torch.hstack(feats), self.w3, self.c3)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.02)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
