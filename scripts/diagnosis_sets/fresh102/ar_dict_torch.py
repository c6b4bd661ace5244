"""TrendAR ported another way: the parameters in an nn.ParameterDict (named params.phi,
params.scale, params.trend, params.bias), the windows split with torch.unflatten, the AR sum and
the slope written with torch.einsum, the slope as the centred cross-product
sum (l - mean l)(x - mean x) / sum (l - mean l)^2 (the same as the fixed weights, since the lag
deviations sum to zero), the Huber loss written out with torch.where, and the exponential
schedule as a LambdaLR factor exp(-DECAY * step)."""

import math

import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

C, L = 3, 8
LR, MOMENTUM, WD, DECAY, DELTA = 0.05, 0.9, 0.01, 0.1, 0.5


class TrendARDict(nn.Module):
    def __init__(self):
        super().__init__()
        self.params = nn.ParameterDict({
            "phi": nn.Parameter(torch.zeros(L)),
            "scale": nn.Parameter(torch.ones(C)),
            "trend": nn.Parameter(torch.zeros(C)),
            "bias": nn.Parameter(torch.zeros(C)),
        })

    def forward(self, X):
        p = self.params
        Xw = torch.unflatten(X, 1, (C, L))
        lag = torch.arange(L, dtype=X.dtype) - (L - 1) / 2.0
        slope = torch.einsum("ncl,l->nc", Xw - Xw.mean(dim=2, keepdim=True), lag) / lag.square().sum()
        ar = torch.einsum("ncl,l->nc", Xw, p["phi"])
        return torch.addcmul(p["bias"] + p["trend"] * slope, p["scale"], ar)


def huber(pred, y):
    e = pred - y
    a = e.abs()
    return torch.where(a < DELTA, 0.5 * e * e, DELTA * (a - 0.5 * DELTA)).mean()


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, nesterov=True,
                                weight_decay=WD)
    scheduler = LambdaLR(optimizer, lambda step: math.exp(-DECAY * step))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = huber(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
