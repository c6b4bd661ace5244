"""The centralised-Nesterov classifier port of gc_nesterov_torch.py written in another style:
gradient centralisation done by tensor hooks registered on the two weights (each weight's
gradient has its mean over the fan-in removed before it reaches .grad), the batch standardised
with var(unbiased=False).sqrt(), the loss written as softplus(z) - y z, and a hand-written
Nesterov SGD (a torch.optim.Optimizer subclass) that keeps its own update count and computes the
cosine learning rate from it, with weight decay from each group."""

import math

import torch
import torch.nn.functional as F
from torch import nn

N_IN, HIDDEN = 7, 12
LR, LR_MIN, T = 0.5, 0.05, 20
MU, WD, MAX_NORM = 0.9, 1e-3, 0.1


def _centralise(g):
    return g - g.mean(dim=1, keepdim=True)


class CosineNesterov(torch.optim.Optimizer):
    def __init__(self, params, lr, lr_min, t_max, momentum, weight_decay=0.0):
        super().__init__(params, dict(lr=lr, lr_min=lr_min, t_max=t_max, momentum=momentum,
                                      weight_decay=weight_decay))
        self.updates = 0

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            cos = math.cos(math.pi * self.updates / group["t_max"])
            lr = group["lr_min"] + (group["lr"] - group["lr_min"]) * (1.0 + cos) / 2.0
            mu = group["momentum"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                d = p.grad + group["weight_decay"] * p
                state = self.state[p]
                if "buf" not in state:
                    state["buf"] = d.clone()
                else:
                    state["buf"].mul_(mu).add_(d)
                p.sub_(lr * (d + mu * state["buf"]))
        self.updates += 1
        return None


class CentredNesterovHooks(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(N_IN, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, 1)
        self.fc1.weight.register_hook(_centralise)
        self.fc2.weight.register_hook(_centralise)

    def forward(self, X):
        Xs = (X - X.mean(dim=0)) / (X.var(dim=0, unbiased=False).sqrt() + 1e-8)
        return self.fc2(torch.sigmoid(self.fc1(Xs)))


def make_optimizer(model):
    return CosineNesterov([{"params": [model.fc1.weight, model.fc2.weight], "weight_decay": WD},
                           {"params": [model.fc1.bias, model.fc2.bias]}],
                          lr=LR, lr_min=LR_MIN, t_max=T, momentum=MU)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    z = model(X)
    loss = (F.softplus(z) - y * z).mean()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
