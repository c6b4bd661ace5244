"""Port of a two-hidden-layer ReLU classifier (4 -> 8 -> 6 -> 1, sigmoid output, summed binary
cross-entropy, plain gradient descent) whose ReLU is a custom torch.autograd.Function. Its
backward copies the forward's clamp: grad_out.clamp(min=0) keeps the positive incoming
gradients and zeroes the negative ones, whatever the unit's input, instead of masking the
gradient by the input's sign, grad_out * (z > 0)."""

import torch
import torch.nn.functional as F
from torch import nn


class ReLUFn(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        ctx.save_for_backward(z)
        return z.clamp(min=0)

    @staticmethod
    def backward(ctx, grad_out):
        (z,) = ctx.saved_tensors
        return grad_out.clamp(min=0)   # BUG: mask by the input: grad_out * (z > 0)


class Net(nn.Module):
    def __init__(self, n_in=4, h1=8, h2=6):
        super().__init__()
        self.fc1 = nn.Linear(n_in, h1)
        self.fc2 = nn.Linear(h1, h2)
        self.fc3 = nn.Linear(h2, 1)

    def forward(self, x):
        x = ReLUFn.apply(self.fc1(x))
        x = ReLUFn.apply(self.fc2(x))
        return torch.sigmoid(self.fc3(x))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy(model(X), y, reduction="sum")
    loss.backward()
    optimizer.step()
    return loss.item()
