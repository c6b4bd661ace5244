"""PyTorch port of SigmoidSoftmax (06_pair_numpy.py): 5 -> 9 -> 7 -> 3, sigmoid hidden layers,
mean cross-entropy, SGD at 0.5. The log-softmax is a small autograd Function with its own
backward (d logp / dz applied to g is g - softmax(z) * sum(g))."""

import torch
from torch import nn


class LogSoftmax(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z):
        logp = z - torch.logsumexp(z, dim=1, keepdim=True)
        ctx.save_for_backward(z)   # BUG: backward exponentiates the saved log-probabilities: ctx.save_for_backward(logp)
        return logp

    @staticmethod
    def backward(ctx, grad):
        (logp,) = ctx.saved_tensors
        return grad - torch.exp(logp) * grad.sum(dim=1, keepdim=True)


class SigmoidSoftmax(nn.Module):
    def __init__(self, n_in=5, h1=9, h2=7, n_out=3):
        super().__init__()
        self.l1 = nn.Linear(n_in, h1)
        self.l2 = nn.Linear(h1, h2)
        self.l3 = nn.Linear(h2, n_out)

    def forward(self, x):
        x = torch.sigmoid(self.l1(x))
        x = torch.sigmoid(self.l2(x))
        return LogSoftmax.apply(self.l3(x))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = -(y * model(X)).sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
