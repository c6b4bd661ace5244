"""EqNet in PyTorch with stock nn.Linear layers whose weights are re-parametrised in place: a
parametrization multiplying the stored (raw) weight by sqrt(2 / fan_in), registered with
unsafe=True and no right_inverse, so the raw N(0, 1) weight is what the optimizer moves."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import parametrize

LR = 0.1


class HeScale(nn.Module):
    def __init__(self, fan_in):
        super().__init__()
        self.c = math.sqrt(2.0 / fan_in)

    def forward(self, w):
        return w * self.c


def equalised(n_in, n_out):
    layer = nn.Linear(n_in, n_out)
    with torch.no_grad():
        layer.weight.normal_()
        layer.bias.zero_()
    parametrize.register_parametrization(layer, "weight", HeScale(layer.in_features), unsafe=True)
    return layer


class EqNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(equalised(4, 8), nn.Tanh(), equalised(8, 2))

    def forward(self, x):
        return self.body(x)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
