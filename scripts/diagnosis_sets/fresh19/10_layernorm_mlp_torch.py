"""LayerNormMLP in PyTorch: Linear(5, 8) -> LayerNorm(8) -> tanh -> Linear(8, 3); F.cross_entropy;
SGD(lr=0.3)."""

import torch
import torch.nn.functional as F
from torch import nn


class LayerNormMLP(nn.Module):
    def __init__(self, n_in=5, hidden=8, classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.norm = nn.LayerNorm(hidden)
        self.fc2 = nn.Linear(hidden, classes)

    def forward(self, x):
        return self.fc2(torch.tanh(self.norm(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
