"""Port of a sigmoid-hidden softmax classifier (four classes, Adam) returning logits. The
loss line was copied from sequence-model code, where class 0 is padding: F.cross_entropy(
..., ignore_index=0) drops every row whose class is 0 and averages over the rest only."""

import torch
from torch import nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self, n_in=6, n_hidden=8, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y.argmax(dim=1), ignore_index=0)   # BUG: no ignore_index
    loss.backward()
    optimizer.step()
    return loss.item()
