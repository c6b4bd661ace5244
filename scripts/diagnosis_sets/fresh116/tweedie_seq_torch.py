"""TweedieMLP ported as an nn.Sequential, with the optimizer's bookkeeping done by hand: the
learning rate of the warmup-then-polynomial schedule written into optimizer.param_groups before
each optimizer.step() from a counter kept on the model, the gradients clipped to the global norm
with torch.linalg.vector_norm and multiplied in place, and the Tweedie deviance written with
mu = exp(eta) and torch.pow. SGD with momentum and weight decay as torch.optim keeps them."""

import torch
from torch import nn

N_FEAT, H1, H2 = 6, 20, 10
Y_SCALE, P = 100.0, 1.5
LR, MOMENTUM, WD, CLIP = 0.05, 0.9, 1e-4, 1.0
WARMUP, TOTAL, POWER = 4, 40, 2.0


class TweedieSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(N_FEAT, H1), nn.SELU(), nn.Linear(H1, H2), nn.ELU(),
                                 nn.Linear(H2, 1))
        self.updates_done = 0

    def forward(self, X):
        mean = X.mean(dim=0, keepdim=True)
        sd = (X - mean).pow(2).mean(dim=0, keepdim=True).sqrt()
        return self.net((X - mean) / sd)


def current_lr(s):
    if s < WARMUP:
        return LR * (s + 1) / WARMUP
    frac = (s - WARMUP) / (TOTAL - WARMUP)
    return LR * (1.0 - frac) ** POWER


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    mu = torch.exp(model(X))
    t = y / Y_SCALE
    loss = torch.mean(-t * torch.pow(mu, 1 - P) / (1 - P) + torch.pow(mu, 2 - P) / (2 - P))
    loss.backward()
    grads = [p.grad for p in model.parameters()]
    total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
    coef = torch.clamp(CLIP / (total + 1e-6), max=1.0)
    for g in grads:
        g.mul_(coef)
    for group in optimizer.param_groups:
        group["lr"] = current_lr(model.updates_done)
    optimizer.step()
    model.updates_done += 1
    return loss.item()
