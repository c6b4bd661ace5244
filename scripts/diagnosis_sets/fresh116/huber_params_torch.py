"""LogHuberMLP ported with raw parameters: (in, out) weight matrices used as x @ W, the tanh GELU,
the leaky ReLU and the Huber loss written out with torch.tanh and torch.where, the batch
standardised with torch.var_mean(correction=0) and rsqrt, and torch.optim.RMSprop(centered=True)
given two parameter groups (weights, biases) with the same settings."""

import math

import torch
from torch import nn

N_FEAT, H1, H2 = 10, 24, 12
LR, ALPHA, EPS, WD = 0.003, 0.95, 1e-8, 1e-4
DELTA, SLOPE = 0.5, 0.1
C = math.sqrt(2.0 / math.pi)


def gelu_tanh(z):
    return 0.5 * z * (1.0 + torch.tanh(C * (z + 0.044715 * z * z * z)))


class LogHuberParams(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(N_FEAT, H1) * 0.3)
        self.b1 = nn.Parameter(torch.zeros(H1))
        self.W2 = nn.Parameter(torch.randn(H1, H2) * 0.2)
        self.b2 = nn.Parameter(torch.zeros(H2))
        self.W3 = nn.Parameter(torch.randn(H2, 1) * 0.3)
        self.b3 = nn.Parameter(torch.zeros(1))

    def forward(self, X):
        var, mean = torch.var_mean(X, dim=0, correction=0)
        Xs = (X - mean) * torch.rsqrt(var)
        h1 = gelu_tanh(Xs @ self.W1 + self.b1)
        z2 = h1 @ self.W2 + self.b2
        h2 = torch.where(z2 > 0, z2, SLOPE * z2)
        return h2 @ self.W3 + self.b3


def make_optimizer(model):
    weights = [model.W1, model.W2, model.W3]
    biases = [model.b1, model.b2, model.b3]
    return torch.optim.RMSprop([{"params": weights}, {"params": biases}], lr=LR, alpha=ALPHA, eps=EPS,
                               weight_decay=WD, centered=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    r = model(X) - torch.log1p(y)
    a = r.abs()
    loss = torch.where(a <= DELTA, 0.5 * r * r, DELTA * (a - 0.5 * DELTA)).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
