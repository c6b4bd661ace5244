"""OrdinalModel in PyTorch: a bias-free score layer, ordered thresholds a + [0, cumsum(exp(d))],
the cumulative logits theta_k - f for P(y <= k), BCE with logits over the three 'at most k'
indicators, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5
K = 4


class OrdinalModel(nn.Module):
    def __init__(self, n_in=4):
        super().__init__()
        self.score = nn.Linear(n_in, 1, bias=False)
        self.a = nn.Parameter(torch.tensor([-0.8]))
        self.d = nn.Parameter(torch.log(torch.tensor([0.7, 0.9])))

    def forward(self, x):
        theta = self.a + torch.cat([self.d.new_zeros(1), torch.cumsum(torch.exp(self.d), 0)])
        f = self.score(x)
        return f - theta   # fix: return theta - f


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    below = (y <= torch.arange(K - 1, dtype=y.dtype)).to(X.dtype)
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), below)
    loss.backward()
    optimizer.step()
    return loss.item()
