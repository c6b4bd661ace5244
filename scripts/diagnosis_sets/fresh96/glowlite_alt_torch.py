"""GlowLite port written another way: the invertible layer kept as A but applied with
F.linear(x, A.t()), its log|det| from torch.slogdet; the coupling's three nn.Linear layers in an
nn.ModuleDict (hidden, log_scale, shift), torch.chunk for the halves, torch.addcmul for
u2 * exp(s) + t; the bits-per-dimension loss from torch.distributions.Normal.log_prob; the weight
decay group chosen by parameter name; and the step decay as a LambdaLR,
GAMMA ** (epoch // STEP_SIZE)."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.distributions import Normal
from torch.optim.lr_scheduler import LambdaLR

D, HALF, HIDDEN = 6, 3, 16
LR, MOMENTUM, WD, STEP_SIZE, GAMMA = 0.1, 0.9, 5e-3, 5, 0.5


class GlowLiteAlt(nn.Module):
    def __init__(self):
        super().__init__()
        self.A = nn.Parameter(torch.eye(D))
        self.heads = nn.ModuleDict({"hidden": nn.Linear(HALF, HIDDEN), "log_scale": nn.Linear(HIDDEN, HALF),
                                    "shift": nn.Linear(HIDDEN, HALF)})
        self.scale = nn.Parameter(torch.ones(HALF))

    def forward(self, x):
        u = F.linear(x, self.A.t())
        u1, u2 = torch.chunk(u, 2, dim=1)
        h = F.relu(self.heads["hidden"](u1))
        s = torch.tanh(self.heads["log_scale"](h)).mul(self.scale)
        t = self.heads["shift"](h)
        z = torch.cat([u1, torch.addcmul(t, u2, s.exp())], dim=1)
        sign, logabsdet = torch.slogdet(self.A)
        return z, logabsdet + s.sum(dim=1)


def make_optimizer(model):
    named = dict(model.named_parameters())
    decay = [p for n, p in named.items() if n == "A" or n.endswith(".weight")]
    rest = [p for n, p in named.items() if not (n == "A" or n.endswith(".weight"))]
    optimizer = torch.optim.SGD([dict(params=decay, weight_decay=WD), dict(params=rest)],
                                lr=LR, momentum=MOMENTUM, weight_decay=0.0)
    scheduler = LambdaLR(optimizer, lambda epoch: GAMMA ** (epoch // STEP_SIZE))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    z, logdet = model(X)
    log_px = Normal(0.0, 1.0).log_prob(z).sum(dim=1) + logdet
    loss = -log_px.mean() / (D * math.log(2.0))
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
