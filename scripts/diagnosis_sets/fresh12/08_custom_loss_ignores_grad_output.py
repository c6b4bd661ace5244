"""Port of a sigmoid regressor with two outputs (5 -> 8 -> 2, linear output, half the mean
squared error, heavy-ball momentum). The MSE is a custom torch.autograd.Function and
train_step takes 0.5 * MSE.apply(out, y); the Function's backward returns 2 (pred - y) / numel
without multiplying by grad_output, so the 0.5 applied outside never reaches the gradients:
every gradient is twice the half-MSE's."""

import torch
from torch import nn


class MSE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, pred, target):
        ctx.save_for_backward(pred, target)
        return ((pred - target) ** 2).mean()

    @staticmethod
    def backward(ctx, grad_output):
        pred, target = ctx.saved_tensors
        grad = 2.0 * (pred - target) / pred.numel()
        return grad, None   # BUG: the chain rule: grad_output * grad, None


class Net(nn.Module):
    def __init__(self, n_in=5, width=8, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, n_out)

    def forward(self, x):
        return self.fc2(torch.sigmoid(self.fc1(x)))


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = 0.5 * MSE.apply(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
