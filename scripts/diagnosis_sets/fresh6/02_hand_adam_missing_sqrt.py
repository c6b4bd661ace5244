"""Port of a tanh / sigmoid binary classifier (binary cross-entropy) whose NumPy original
uses Adam; the port re-implements Adam as a torch.optim.Optimizer subclass to mirror the
NumPy code line by line. The update divides the bias-corrected first moment by
v_hat + eps: the square root of the second moment is missing from the denominator."""

import math

import torch
import torch.nn.functional as F
from torch import nn


class HandAdam(torch.optim.Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if not state:
                    state["step"] = 0
                    state["exp_avg"] = torch.zeros_like(p)
                    state["exp_avg_sq"] = torch.zeros_like(p)
                state["step"] += 1
                t = state["step"]
                m, v = state["exp_avg"], state["exp_avg_sq"]
                m.mul_(beta1).add_(p.grad, alpha=1 - beta1)
                v.mul_(beta2).addcmul_(p.grad, p.grad, value=1 - beta2)
                m_hat = m / (1 - math.pow(beta1, t))
                v_hat = v / (1 - math.pow(beta2, t))
                p.addcdiv_(m_hat, v_hat + group["eps"], value=-group["lr"])   # BUG: v_hat.sqrt() + group["eps"]


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(5, 7)
        self.l2 = nn.Linear(7, 1)

    def forward(self, x):
        return torch.sigmoid(self.l2(torch.tanh(self.l1(x))))


def make_optimizer(model, lr):
    return HandAdam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
