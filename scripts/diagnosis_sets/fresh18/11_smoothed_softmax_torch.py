"""PyTorch port of SmoothedSoftmax (11_smoothed_softmax_numpy.py): logits out of forward,
F.cross_entropy with label_smoothing=0.1, SGD at 0.3."""

import torch
import torch.nn.functional as F
from torch import nn

SMOOTHING = 0.1


class SmoothedSoftmax(nn.Module):
    def __init__(self, n_in=5, hidden=10, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1), label_smoothing=SMOOTHING)
    loss.backward()
    optimizer.step()
    return loss.item()
