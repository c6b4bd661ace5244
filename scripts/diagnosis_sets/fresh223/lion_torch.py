"""PyTorch port of lion_numpy.py: nn.Sequential classifier, BCE with logits, Lion optimizer."""

from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F


class Lion(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-4, betas=(0.9, 0.99), weight_decay=0.0):
        super().__init__(params, dict(lr=lr, betas=betas, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            lr, wd = group["lr"], group["weight_decay"]
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "exp_avg" not in state:
                    state["exp_avg"] = torch.zeros_like(p)
                exp_avg = state["exp_avg"]
                p.mul_(1 - lr * wd)
                update = exp_avg.mul(beta1).add(p.grad, alpha=1 - beta1).sign_()
                p.add_(update, alpha=-lr)
                exp_avg.mul_(beta2).add_(p.grad, alpha=1 - beta2)


class LionNet(nn.Module):
    def __init__(self, sizes=(8, 16, 1)):
        super().__init__()
        self.body = nn.Sequential(OrderedDict([
            ("fc1", nn.Linear(sizes[0], sizes[1])),
            ("act", nn.Tanh()),
            ("fc2", nn.Linear(sizes[1], sizes[2])),
        ]))

    def forward(self, x):
        return self.body(x)


def make_optimizer(model):
    return Lion(model.parameters(), lr=2e-3, betas=(0.9, 0.99), weight_decay=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()
