"""LoRANet in PyTorch through torch.nn.utils.parametrize: a plain nn.Linear whose weight is set to
the base weight and frozen, and a LoRA parametrization module registered on it (holding A and B),
so that adapted.weight reads W0 + scale * B @ A at every access."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import parametrize

LR = 0.5
R, ALPHA = 2, 8.0


def base_weight():
    return np.random.default_rng(11).normal(0.0, 0.4, (8, 8))


class LoRAParametrization(nn.Module):
    def __init__(self, n_in, n_out, r, alpha):
        super().__init__()
        self.A = nn.Parameter(torch.randn(r, n_in) * 0.3)
        self.B = nn.Parameter(torch.zeros(n_out, r))
        self.scale = alpha / r

    def forward(self, W):
        return W + self.scale * self.B @ self.A


class LoRANet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.adapted = nn.Linear(8, 8)
        with torch.no_grad():
            self.adapted.weight.copy_(torch.tensor(base_weight().T))
            self.adapted.bias.zero_()
        self.adapted.weight.requires_grad_(False)
        parametrize.register_parametrization(self.adapted, "weight", LoRAParametrization(8, 8, R, ALPHA))
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
