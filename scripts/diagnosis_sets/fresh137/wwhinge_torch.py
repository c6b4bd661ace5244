"""PyTorch port of wwhinge_numpy.py: Linear -> ReLU -> Linear, F.multi_margin_loss(p=2), SGD momentum.

Parameters: fc1.weight (16, 6) = W1.T, fc1.bias = b1, fc2.weight (4, 16) = W2.T, fc2.bias = b2.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class HingeMLP(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, X):
        return self.fc2(F.relu(self.fc1(X)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    scores = model(X)
    loss = F.multi_margin_loss(scores, y, p=2, margin=1.0)
    loss.backward()
    optimizer.step()
    return loss.item()
