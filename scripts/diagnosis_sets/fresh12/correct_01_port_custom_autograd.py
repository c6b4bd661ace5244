"""Correct port in an unusual style: two tanh hidden layers (4 -> 7 -> 5 -> 1, linear output)
whose tanh is a custom torch.autograd.Function (backward grad * (1 - y^2) from the saved
output), and the loss a second custom Function, the sum of squared errors, whose backward
multiplies by grad_output, so train_step's 0.5 * SSE.apply(out, y) is the half-SSE with the
right gradient. The layers are raw (in, out) nn.Parameters applied with torch.addmm (the case
pairs them with --torch-param). The kit's Adam."""

import torch
from torch import nn


class Tanh(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        y = torch.tanh(z)
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad):
        (y,) = ctx.saved_tensors
        return grad * (1 - y * y)


class SSE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, pred, target):
        diff = pred - target
        ctx.save_for_backward(diff)
        return (diff * diff).sum()

    @staticmethod
    def backward(ctx, grad_output):
        (diff,) = ctx.saved_tensors
        return grad_output * 2 * diff, None


class AutogradNet(nn.Module):
    def __init__(self, sizes=(4, 7, 5, 1)):
        super().__init__()
        self.w = nn.ParameterList(nn.Parameter(torch.zeros(a, b)) for a, b in zip(sizes, sizes[1:]))
        self.b = nn.ParameterList(nn.Parameter(torch.zeros(b)) for b in sizes[1:])

    def forward(self, x):
        last = len(self.w) - 1
        for i, (w, b) in enumerate(zip(self.w, self.b)):
            x = torch.addmm(b, x, w)
            if i < last:
                x = Tanh.apply(x)
        return x


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * SSE.apply(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
