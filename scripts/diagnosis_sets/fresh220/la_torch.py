"""PyTorch port of la_numpy.py: a sigmoid MLP regressor trained with Lookahead(AdamW).

Lookahead is a wrapper around any torch optimizer: it steps the inner optimizer and every
k steps pulls the slow weights toward the fast ones (slow += alpha (fast - slow)) and resets
the fast weights to them. The slow copy is taken on the first step (from the weights the
model holds then).

Parameters: hidden.weight (20, 4) = W1.T, hidden.bias = b1, out.weight (2, 20) = W2.T,
out.bias = b2.
"""

from collections import defaultdict

import torch
import torch.nn as nn
import torch.nn.functional as F


class Lookahead:
    def __init__(self, optimizer, k=5, alpha=0.6):
        self.optimizer = optimizer
        self.k = k
        self.alpha = alpha
        self.param_groups = self.optimizer.param_groups
        self.state = self.optimizer.state
        self.defaults = self.optimizer.defaults
        self.slow = defaultdict(dict)
        self.counter = 0

    def zero_grad(self, set_to_none=True):
        self.optimizer.zero_grad(set_to_none=set_to_none)

    @torch.no_grad()
    def step(self, closure=None):
        if not self.slow:
            for group in self.param_groups:
                for p in group["params"]:
                    self.slow[p]["slow_param"] = p.detach().clone()
        loss = self.optimizer.step(closure)
        self.counter += 1
        if self.counter % self.k == 0:
            for group in self.param_groups:
                for fast in group["params"]:
                    slow = self.slow[fast]["slow_param"]
                    slow.add_(fast - slow, alpha=self.alpha)
                    fast.copy_(slow)
        return loss


class Regressor(nn.Module):
    def __init__(self, n_in=4, hidden=20, n_out=2):
        super().__init__()
        self.hidden = nn.Linear(n_in, hidden)
        self.out = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.out(torch.sigmoid(self.hidden(x)))


def make_optimizer(model):
    inner = torch.optim.AdamW(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8,
                              weight_decay=0.01)
    return Lookahead(inner, k=5, alpha=0.6)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
