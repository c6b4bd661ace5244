"""EqNet in PyTorch: an EqualLinear module (the StyleGAN layer) keeping its weight raw in
nn.Linear's (out, in) layout and multiplying it by sqrt(2 / fan_in) in forward."""

import math

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1


class EqualLinear(nn.Module):
    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(n_out, n_in))
        self.bias = nn.Parameter(torch.zeros(n_out))
        self.scale = math.sqrt(2.0 / self.weight.shape[1])

    def forward(self, x):
        return F.linear(x, self.weight * self.scale, self.bias)


class EqNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = EqualLinear(4, 8)
        self.l2 = EqualLinear(8, 2)

    def forward(self, x):
        return self.l2(torch.tanh(self.l1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
