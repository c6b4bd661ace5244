"""adagrad_torch.py written another way: the layers in an nn.ModuleList, and Adagrad written by
hand as a torch.optim.Optimizer subclass (accumulator "sum" started at 0.1)."""

import torch
import torch.nn as nn


class HandAdagrad(torch.optim.Optimizer):
    def __init__(self, params, lr=0.01, initial_accumulator_value=0.0, eps=1e-10):
        super().__init__(params, dict(lr=lr, initial_accumulator_value=initial_accumulator_value,
                                      eps=eps))
        for group in self.param_groups:
            for p in group["params"]:
                self.state[p]["sum"] = torch.full_like(p, group["initial_accumulator_value"])

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                acc = self.state[p]["sum"]
                acc.addcmul_(p.grad, p.grad)
                p.sub_(group["lr"] * p.grad / (acc.sqrt() + group["eps"]))


class AdagradRegressorList(nn.Module):
    def __init__(self, sizes=(6, 16, 2)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = torch.sigmoid(x)
        return x


def make_optimizer(model):
    return HandAdagrad(model.parameters(), lr=0.05, initial_accumulator_value=0.1, eps=1e-10)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = (model(X) - y).pow(2).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
