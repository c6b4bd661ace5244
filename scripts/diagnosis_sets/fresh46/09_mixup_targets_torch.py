"""MixupClassifier in PyTorch: Linear -> tanh -> Linear, SGD at 0.5. The mixing follows the
usual mixup training loop: the inputs mixed with the partner rows, the loss mixed between the
two targets with the same per-row coefficient."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class MixupClassifier(nn.Module):
    def __init__(self, n_in=4, hidden=10, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    feats, lam, idx = X[:, :4], X[:, 4], X[:, 5].long()
    x = lam[:, None] * feats + (1 - lam[:, None]) * feats[idx]
    y_a, y_b = y.argmax(dim=1), y[idx].argmax(dim=1)
    optimizer.zero_grad()
    out = model(x)
    loss = (lam * F.cross_entropy(out, y_a, reduction="none") + (1 - lam) * F.cross_entropy(out, y_b, reduction="none")).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
