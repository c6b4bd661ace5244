"""Symmetric cross-entropy, a second PyTorch port of sce_numpy.py: the weights are nn.Parameters kept
as the NumPy program keeps them ((in, out), x @ W1 + b1), the CE is log_softmax gathered at the
label, and the reverse CE is written in its closed form -A (1 - p_y), A = log 1e-4 (the value of
-sum_k p_k log clamp(onehot_k, 1e-4) when no probability is below the 1e-7 clamp)."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

ALPHA, BETA = 0.1, 1.0
A = math.log(1e-4)


class SCENetParams(nn.Module):
    def __init__(self, n_in=8, hidden=20, n_cls=3):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(n_in, hidden) / math.sqrt(n_in))
        self.b1 = nn.Parameter(torch.zeros(hidden))
        self.W2 = nn.Parameter(torch.randn(hidden, n_cls) / math.sqrt(hidden))
        self.b2 = nn.Parameter(torch.zeros(n_cls))

    def forward(self, x):
        return torch.relu(x @ self.W1 + self.b1) @ self.W2 + self.b2


def sce_loss(logits, y):
    logp = torch.log_softmax(logits, dim=1)
    logp_y = logp.gather(1, y[:, None]).squeeze(1)
    ce = -logp_y.mean()
    rce = (-A * (1 - logp_y.exp())).mean()
    return ALPHA * ce + BETA * rce


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = sce_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
