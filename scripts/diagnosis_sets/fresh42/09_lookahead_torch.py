"""LookaheadClassifier in PyTorch: SGD and a hand-written Lookahead in train_step."""

import torch
import torch.nn.functional as F
from torch import nn

LR, K, ALPHA = 0.5, 3, 0.5


class LookaheadClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(5, 10)
        self.out = nn.Linear(10, 3)
        self.slow = None
        self.t = 0

    def forward(self, x):
        return self.out(torch.tanh(self.hidden(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    if model.slow is None:
        model.slow = [p.detach().clone() for p in model.parameters()]
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    model.t += 1
    if model.t % K == 0:
        with torch.no_grad():
            for s, p in zip(model.slow, model.parameters()):
                s.add_(p - s, alpha=ALPHA)
                p.copy_(s)
    return loss.item()
