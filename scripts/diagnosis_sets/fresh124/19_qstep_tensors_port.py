"""Another PyTorch port of qstep_numpy.py: plain parameter tensors in the NumPy
layout (W1 (5, 12), b1, W2 (12, 10), b2, W3 (10, 1), b3), both surrogates as
torch.autograd.Functions, and the SGD step with weight decay written by hand.

    QuantSTE:   forward round(clamp(x, 0, 1) * 3) / 3, backward grad * (0 <= x <= 1)
    StepSigmoid: forward H(x), backward grad * k sigmoid(k x) (1 - sigmoid(k x)), k = 4
Update: W -= lr * (grad + 0.01 W) for the weights, b -= lr * grad for the biases, lr 0.1.
"""

import torch
import torch.nn as nn

LR = 0.1
WD = 0.01


class QuantSTE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.round(torch.clamp(x, 0, 1) * 3) / 3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * ((x >= 0) & (x <= 1)).to(grad_output.dtype)


class StepSigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.save_for_backward(x)
        ctx.k = k
        return (x >= 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        sg = torch.sigmoid(ctx.k * x)
        return grad_output * ctx.k * sg * (1 - sg), None


class QuantStepNet(nn.Module):
    def __init__(self, sizes=(5, 12, 10, 1)):
        super().__init__()
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            setattr(self, f"W{i}", nn.Parameter(torch.randn(a, b) * 0.5))
            setattr(self, f"b{i}", nn.Parameter(torch.zeros(b)))

    def forward(self, X):
        q = QuantSTE.apply(X @ self.W1 + self.b1)
        s = StepSigmoid.apply(q @ self.W2 + self.b2, 4.0)
        return s @ self.W3 + self.b3


def train_step(model, optimizer, X, y):
    for p in model.parameters():
        p.grad = None
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        for name, p in model.named_parameters():
            g = p.grad + WD * p if name.startswith("W") else p.grad
            p -= LR * g
    return loss.item()
