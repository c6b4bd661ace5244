"""WSNet in PyTorch: a WSLinear layer that standardises its (out, in) weight over each row
(population variance, eps inside the square root) and scales it by 1/sqrt(fan_in) in forward,
autograd differentiating through it; ELU, F.binary_cross_entropy_with_logits, RMSprop."""

import math

import torch
import torch.nn.functional as F
from torch import nn

N_IN, H1, H2 = 12, 16, 8
WS_EPS = 1e-5
LR, RHO, EPS = 0.01, 0.9, 1e-8


class WSLinear(nn.Linear):
    def forward(self, x):
        w = self.weight
        mu = w.mean(dim=1, keepdim=True)
        var = w.var(dim=1, unbiased=False, keepdim=True)
        w_hat = (w - mu) / torch.sqrt(var + WS_EPS) / math.sqrt(self.in_features)
        return F.linear(x, w_hat, self.bias)


class WSNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = WSLinear(N_IN, H1)
        self.fc2 = WSLinear(H1, H2)
        self.out = nn.Linear(H2, 1)

    def forward(self, x):
        return self.out(F.elu(self.fc2(F.elu(self.fc1(x)))))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=RHO, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
