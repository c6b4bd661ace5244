"""Port of a ReLU regressor (linear output, mean squared error) with a hand-written
heavy-ball momentum optimizer that zeroes gradients in place (keeping .grad allocated). On
the first step the momentum buffer is made as p.grad itself, not a copy: from then on the
buffer and the gradient are one tensor, zeroed with it, and buf.mul_(mu).add_(p.grad)
doubles it: every later update is lr * 2 * mu * g with no memory of earlier steps."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, 1)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


class HeavyBall(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.9):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    def zero_grad(self, set_to_none=False):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    p.grad.zero_()

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "momentum_buffer" not in state:
                    buf = state["momentum_buffer"] = p.grad   # BUG: p.grad.clone()
                else:
                    buf = state["momentum_buffer"]
                    buf.mul_(group["momentum"]).add_(p.grad)
                p.add_(buf, alpha=-group["lr"])


def make_optimizer(model, lr):
    return HeavyBall(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
