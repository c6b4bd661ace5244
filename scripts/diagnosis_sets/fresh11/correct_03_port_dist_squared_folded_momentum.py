"""Correct port in an unusual style: a sigmoid network (4 -> 6 -> 1, sigmoid output) built as an
nn.Sequential from a list, the summed squared error written torch.dist(out, y) ** 2 (the
squared Euclidean distance), and a hand-written heavy-ball optimizer (a torch.optim.Optimizer
subclass) that folds the learning rate into its velocity, u = mu u + lr g; p -= u. With a
constant learning rate u is lr times torch's buffer v = mu v + g, so the steps are the same."""

import torch
from torch import nn


class SeqNet(nn.Module):
    def __init__(self, n_in=4, hidden=6):
        super().__init__()
        layers = [nn.Linear(n_in, hidden), nn.Sigmoid(), nn.Linear(hidden, 1), nn.Sigmoid()]
        self.net = nn.Sequential(*layers)

    def forward(self, x):
        return self.net(x)


class FoldedMomentum(torch.optim.Optimizer):
    def __init__(self, params, lr, mu=0.9):
        super().__init__(params, dict(lr=lr, mu=mu))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "u" not in state:
                    state["u"] = torch.zeros_like(p)
                u = state["u"]
                u.mul_(group["mu"]).add_(p.grad, alpha=group["lr"])
                p.sub_(u)


def make_optimizer(model, lr):
    return FoldedMomentum(model.parameters(), lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = torch.dist(model(X), y) ** 2
    loss.backward()
    optimizer.step()
    return loss.item()
