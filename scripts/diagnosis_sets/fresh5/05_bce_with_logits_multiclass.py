"""Kaggle-style port of a softmax classifier (ReLU hidden layer, 4 classes, Adam). forward
returns logits; the notebook's loss is nn.BCEWithLogitsLoss on the one-hot targets (a
multi-label habit), which is an independent sigmoid per class averaged over rows and classes,
where the NumPy network minimises softmax cross-entropy."""

import torch
from torch import nn


class Classifier(nn.Module):
    def __init__(self, n_in=6, n_hidden=10, n_classes=4):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU())
        self.head = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        return self.head(self.backbone(x))


loss_fn = nn.BCEWithLogitsLoss()   # BUG: nn.CrossEntropyLoss()


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    logits = model(X)
    loss = loss_fn(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
