"""SmoothedClassifier in PyTorch: F.cross_entropy with label_smoothing on the class indices, SGD
with momentum."""

import torch
import torch.nn.functional as F
from torch import nn

SMOOTHING = 0.1
LR, MOMENTUM = 0.1, 0.9


class SmoothedClassifier(nn.Module):
    def __init__(self, n_in=6, hidden=10, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1), label_smoothing=SMOOTHING)
    loss.backward()
    optimizer.step()
    return loss.item()
