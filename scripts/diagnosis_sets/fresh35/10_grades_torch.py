"""GradeModel in PyTorch: sigmoid hidden layer, bias-free score, learned thresholds, BCE with
logits on the 'above k' targets, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5
K = 4


class GradeModel(nn.Module):
    def __init__(self, n_in=4, hidden=6):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.score = nn.Linear(hidden, 1, bias=False)
        self.theta = nn.Parameter(torch.tensor([-1.0, 0.0, 1.0]))

    def forward(self, x):
        return self.score(torch.sigmoid(self.hidden(x))) - self.theta


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    above = (y > torch.arange(K - 1, dtype=y.dtype)).to(y.dtype)
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), above)
    loss.backward()
    optimizer.step()
    return loss.item()
