"""PyTorch port of sparsemax_numpy.py: Linear -> tanh -> Linear -> sparsemax, squared error, Adam.

sparsemax is a custom autograd Function: the forward sorts and thresholds,
the backward is the Jacobian-vector product s * (g - sum(s * g) / |S|).

Parameters: fc1.weight (12, 6) = W1.T, fc1.bias = b1, fc2.weight (5, 12) = W2.T, fc2.bias = b2.
"""

import torch
import torch.nn as nn


class Sparsemax(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        K = z.shape[1]
        zs, _ = torch.sort(z, dim=1, descending=True)
        cs = zs.cumsum(dim=1)
        k = torch.arange(1, K + 1, dtype=z.dtype, device=z.device)
        in_support = 1 + k * zs > cs
        kz = in_support.sum(dim=1, keepdim=True)
        tau = (cs.gather(1, kz - 1) - 1) / kz.to(z.dtype)
        p = torch.clamp(z - tau, min=0)
        ctx.save_for_backward(p)
        return p

    @staticmethod
    def backward(ctx, grad_p):
        (p,) = ctx.saved_tensors
        s = (p > 0).to(grad_p.dtype)
        v_hat = (s * grad_p).sum(dim=1, keepdim=True) / s.sum(dim=1, keepdim=True)
        return s * (grad_p - v_hat)


sparsemax = Sparsemax.apply


class SparsemaxNet(nn.Module):
    def __init__(self, n_in=6, hidden=12, n_out=5):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, X):
        return sparsemax(self.fc2(torch.tanh(self.fc1(X))))


def make_optimizer(model, lr=0.01):
    return torch.optim.Adam(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = model(X)
    loss = 0.5 * ((p - y) ** 2).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
