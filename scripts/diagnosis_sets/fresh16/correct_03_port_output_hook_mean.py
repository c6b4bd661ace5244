"""Port of a sigmoid binary classifier (5 -> 7 -> 6 -> 1, mean binary cross-entropy,
heavy-ball momentum). The sigmoid is an autograd Function that saves its output; the loss is
the summed BCE, and a hook on each call's output tensor scales its gradient by 1 / batch
size, which gives the mean's gradients. A buffer counts the steps and accuracy is logged
under no_grad."""

import torch
import torch.nn.functional as F
from torch import nn


class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        s = torch.sigmoid(z)
        ctx.save_for_backward(s)
        return s

    @staticmethod
    def backward(ctx, grad):
        (s,) = ctx.saved_tensors
        return grad * s * (1 - s)


class Net(nn.Module):
    def __init__(self, n_in=5, h1=7, h2=6):
        super().__init__()
        self.a = nn.Linear(n_in, h1)
        self.b = nn.Linear(h1, h2)
        self.c = nn.Linear(h2, 1)
        self.register_buffer("seen", torch.zeros((), dtype=torch.long))

    def forward(self, x):
        p = Sigmoid.apply(self.c(Sigmoid.apply(self.b(Sigmoid.apply(self.a(x))))))
        if p.requires_grad:
            n = x.shape[0]
            p.register_hook(lambda g: g / n)
        return p


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = model(X)
    loss = F.binary_cross_entropy(p, y, reduction="sum")
    loss.backward()
    optimizer.step()
    with torch.no_grad():
        model.seen += 1
        model.accuracy = ((p > 0.5).float() == y).float().mean().item()
    return loss.item() / len(X)
