"""PyTorch port of WeightedSoftmaxNet (07_imbalanced_classifier_numpy.py): 5 -> 12 ReLU -> 3,
F.cross_entropy with the class weights 1, 2, 4 on the class indices, SGD(momentum=MU)."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1
MU = 0.9


class WeightedSoftmaxNet(nn.Module):
    def __init__(self, n_in=5, hidden=12, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)
        self.register_buffer("class_weights", torch.tensor([1.0, 2.0, 4.0]))

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU)


def train_step(model, optimizer, X, y):
    labels = y.argmax(dim=1)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), labels, weight=model.class_weights)   # BUG: loss = F.cross_entropy(model(X), labels, weight=model.class_weights, reduction="sum") / len(X)
    loss.backward()
    optimizer.step()
    return loss.item()
