"""The FiLM + new-head model of film_numpy.py ported another way: the frozen extractor an
nn.Sequential of nn.Linear and ReLU loaded from film_base.npz and frozen with requires_grad_(False),
the input statistics as buffers; the feature-wise modulation a small module using torch.addcmul;
the head a raw (12, 1) nn.Parameter and a bias used with torch.addmm; the binary cross-entropy
written out with F.logsigmoid; SGD with momentum over two parameter groups and the step schedule
as a LambdaLR."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

D_IN, D_FEAT = 10, 12
LR, MOMENTUM, WD, STEP_SIZE, GAMMA_LR = 0.1, 0.9, 0.005, 8, 0.5


class FiLM(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(d))
        self.shift = nn.Parameter(torch.zeros(d))

    def forward(self, h):
        return torch.addcmul(self.shift, self.scale, h)


class FiLMHeadAlt(nn.Module):
    def __init__(self):
        super().__init__()
        base = np.load(Path(__file__).with_name("film_base.npz"))
        self.register_buffer("mu", torch.as_tensor(base["mu"], dtype=torch.float32))
        self.register_buffer("sigma", torch.as_tensor(base["sigma"], dtype=torch.float32))
        self.backbone = nn.Sequential(nn.Linear(D_IN, 16), nn.ReLU(), nn.Linear(16, D_FEAT), nn.ReLU())
        with torch.no_grad():
            for idx, i in ((0, 1), (2, 2)):
                self.backbone[idx].weight.copy_(torch.as_tensor(base[f"W{i}"].T))
                self.backbone[idx].bias.copy_(torch.as_tensor(base[f"b{i}"]))
        self.backbone.requires_grad_(False)
        self.film = FiLM(D_FEAT)
        self.w = nn.Parameter(torch.randn(D_FEAT, 1) / D_FEAT ** 0.5)
        self.b = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        h = self.backbone((x - self.mu) / self.sigma)
        return torch.addmm(self.b, self.film(h), self.w)[:, 0]


def make_optimizer(model):
    optimizer = torch.optim.SGD([
        dict(params=[model.w], weight_decay=WD),
        dict(params=list(model.film.parameters()) + [model.b]),
    ], lr=LR, momentum=MOMENTUM)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda epoch: GAMMA_LR ** (epoch // STEP_SIZE))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    s = model(X)
    loss = -(y * F.logsigmoid(s) + (1.0 - y) * F.logsigmoid(-s)).mean()
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return float(loss)
