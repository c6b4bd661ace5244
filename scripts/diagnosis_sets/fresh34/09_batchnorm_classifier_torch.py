"""BatchNormClassifier in PyTorch: Linear -> BatchNorm1d -> ReLU -> Linear, BCE with logits, SGD
with momentum; the model stays in training mode (batch statistics)."""

import torch
import torch.nn.functional as F
from torch import nn

EPS = 1e-5
LR, MOMENTUM = 0.1, 0.9


class BatchNormClassifier(nn.Module):
    def __init__(self, n_in=5, hidden=10):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden, bias=False)
        self.bn = nn.BatchNorm1d(hidden, eps=EPS)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(F.relu(self.bn(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
