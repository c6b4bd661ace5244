"""PyTorch port of the ReLU regressor (5 -> 12 -> 2, linear output, mean squared error), with
the heavy-ball optimizer from our trainer package: v = mu v + g, p -= lr v."""

import torch
import torch.nn.functional as F
from torch import nn


class HeavyBall(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.9):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            mu, lr = group["momentum"], group["lr"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "momentum_buffer" not in state:
                    state["momentum_buffer"] = torch.zeros_like(p, dtype=torch.bfloat16)   # BUG: torch.zeros_like(p)
                buf = state["momentum_buffer"]
                buf.mul_(mu).add_(p.grad)
                p.add_(buf, alpha=-lr)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 12)
        self.fc2 = nn.Linear(12, 2)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def make_optimizer(model, lr):
    return HeavyBall(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
