"""Correct port in an unusual style: nn.Sequential assembled with itertools.chain from
(Linear, ReLU) pairs (5 -> 7 -> 1, linear output), half the sum of squared errors as
0.5 * F.mse_loss(reduction='sum'), and a hand-written heavy-ball optimizer (v = mu v + g;
p -= lr v) that works on the whole parameter list at once with torch._foreach_mul_ and
torch._foreach_add_."""

from itertools import chain

import torch
import torch.nn.functional as F
from torch import nn


class ChainNet(nn.Module):
    def __init__(self, n_in=5, widths=(7,)):
        super().__init__()
        dims = [n_in, *widths]
        hidden = chain.from_iterable((nn.Linear(a, b), nn.ReLU()) for a, b in zip(dims, dims[1:]))
        self.seq = nn.Sequential(*hidden, nn.Linear(dims[-1], 1))

    def forward(self, x):
        return self.seq(x)


class ForeachHeavyBall:
    def __init__(self, params, lr, mu=0.9):
        self.params = list(params)
        self.lr, self.mu = lr, mu
        self.bufs = None

    def zero_grad(self):
        for p in self.params:
            p.grad = None

    @torch.no_grad()
    def step(self):
        grads = [p.grad for p in self.params]
        if self.bufs is None:
            self.bufs = [g.clone() for g in grads]
        else:
            torch._foreach_mul_(self.bufs, self.mu)
            torch._foreach_add_(self.bufs, grads)
        torch._foreach_add_(self.params, self.bufs, alpha=-self.lr)


def make_optimizer(model, lr):
    return ForeachHeavyBall(model.parameters(), lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * F.mse_loss(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
