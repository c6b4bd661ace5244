"""LoRANet in PyTorch: a LoRALinear module holding the frozen base weight as a buffer in
nn.Linear's (out, in) layout, a trainable bias, and the adapter A (r, in), B (out, r) with
delta W = scale * B @ A, scale = alpha / r (the peft convention)."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5
R, ALPHA = 2, 8.0


def base_weight():
    return np.random.default_rng(11).normal(0.0, 0.4, (8, 8))


class LoRALinear(nn.Module):
    def __init__(self, n_in, n_out, r, alpha):
        super().__init__()
        self.register_buffer("W0", torch.tensor(base_weight().T, dtype=torch.float32))
        self.bias = nn.Parameter(torch.zeros(n_out))
        self.A = nn.Parameter(torch.randn(r, n_in) * 0.3)
        self.B = nn.Parameter(torch.zeros(n_out, r))
        self.scale = r / alpha  # fix: self.scale = alpha / r

    def forward(self, x):
        return F.linear(x, self.W0, self.bias) + self.scale * (x @ self.A.T) @ self.B.T


class LoRANet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.adapted = LoRALinear(8, 8, R, ALPHA)
        self.head = nn.Linear(8, 3)

    def forward(self, x):
        return self.head(torch.tanh(self.adapted(torch.tanh(self.fc1(x)))))


def make_optimizer(model):
    return torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
