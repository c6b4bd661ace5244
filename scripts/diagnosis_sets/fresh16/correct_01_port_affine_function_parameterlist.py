"""Port of a tanh softmax classifier (6 -> 9 -> 7 -> 3, mean cross-entropy, Nesterov momentum).
Weights are raw (out, in) Parameters in a ParameterList, biases in a second one, and every
layer goes through a hand-written affine autograd Function. The cross-entropy divides the
summed log-likelihood by y.sum(), the number of rows for one-hot targets."""

import torch
from torch import nn


class Affine(torch.autograd.Function):
    """x @ W.T + b with W stored (out, in)."""

    @staticmethod
    def forward(ctx, x, W, b):
        ctx.save_for_backward(x, W)
        return x @ W.t() + b

    @staticmethod
    def backward(ctx, grad):
        x, W = ctx.saved_tensors
        return grad @ W, grad.t() @ x, grad.sum(dim=0)


class Net(nn.Module):
    def __init__(self, sizes=(6, 9, 7, 3)):
        super().__init__()
        pairs = list(zip(sizes[:-1], sizes[1:]))
        self.weight = nn.ParameterList(nn.Parameter(torch.randn(o, i) * i ** -0.5) for i, o in pairs)
        self.bias = nn.ParameterList(nn.Parameter(torch.zeros(o)) for _, o in pairs)

    def forward(self, x):
        n_layers = len(self.weight)
        for k in range(n_layers):
            x = Affine.apply(x, self.weight[k], self.bias[k])
            if k < n_layers - 1:
                x = torch.tanh(x)
        return x


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    log_p = torch.log_softmax(model(X), dim=1)
    loss = -(y * log_p).sum() / y.sum()
    loss.backward()
    optimizer.step()
    return loss.item()
