"""PyTorch port of my four-class ReLU classifier: 5 -> 10 -> 8 -> 4, forward returns the logits,
softmax cross-entropy on the one-hot targets (labels by argmax), SGD with momentum."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, h1=10, h2=8, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.fc3 = nn.Linear(h2, n_classes)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def train_step(model, optimizer, X, y):
    labels = y.argmax(dim=1)
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, labels) / X.shape[0]   # BUG: loss = F.cross_entropy(logits, labels)
    loss.backward()
    optimizer.step()
    return loss.item()
