"""WSNet ported with torch.nn.utils.parametrize: the weight standardisation is a registered
parametrization of each hidden nn.Linear's weight (the trained tensor is
fc.parametrizations.weight.original, the layer sees the standardised one), written with
torch.rsqrt; the loss as softplus(z) - y z averaged; RMSprop(foreach=False)."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import parametrize

N_IN, H1, H2 = 12, 16, 8
WS_EPS = 1e-5
LR, RHO, EPS = 0.01, 0.9, 1e-8


class ScaledStandardise(nn.Module):
    def forward(self, w):
        centred = w - w.mean(dim=1, keepdim=True)
        var = centred.pow(2).mean(dim=1, keepdim=True)
        return centred * torch.rsqrt(var + WS_EPS) * (w.shape[1] ** -0.5)


class WSNetP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(N_IN, H1)
        self.fc2 = nn.Linear(H1, H2)
        self.out = nn.Linear(H2, 1)
        for layer in (self.fc1, self.fc2):
            parametrize.register_parametrization(layer, "weight", ScaledStandardise())

    def forward(self, x):
        return self.out(F.elu(self.fc2(F.elu(self.fc1(x)))))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=RHO, eps=EPS, momentum=0.0,
                               centered=False, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = (F.softplus(z) - y * z).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
