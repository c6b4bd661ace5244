"""The hierarchical-softmax port of hsoftmax_torch.py written in another style: raw nn.Parameters
kept in the NumPy layout (inputs first, x @ W), torch.addmm for the layers, the log-probabilities
written with torch.logsumexp (the true group's three leaf logits picked out by advanced indexing),
the group and leaf of each class by torch.div(rounding_mode='floor') and torch.remainder, SGD
with two parameter groups (weights, biases; the same decay), and the step schedule as a LambdaLR
of the epoch count."""

import torch
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, HIDDEN, N_GROUPS, GROUP_SIZE = 10, 12, 4, 3
N_CLASSES = N_GROUPS * GROUP_SIZE
LR, MOMENTUM, WD, STEP_SIZE, GAMMA = 0.05, 0.9, 5e-3, 5, 0.5


class HierSoftmaxP(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(D, HIDDEN) * (2.0 / D) ** 0.5)
        self.b1 = nn.Parameter(torch.zeros(HIDDEN))
        self.Wg = nn.Parameter(torch.randn(HIDDEN, N_GROUPS) / HIDDEN ** 0.5)
        self.bg = nn.Parameter(torch.zeros(N_GROUPS))
        self.Wl = nn.Parameter(torch.randn(HIDDEN, N_CLASSES) / HIDDEN ** 0.5)
        self.bl = nn.Parameter(torch.zeros(N_CLASSES))

    def log_prob(self, X, y):
        h = torch.addmm(self.b1, X, self.W1).clamp_min(0.0)
        zg = torch.addmm(self.bg, h, self.Wg)
        zl = torch.addmm(self.bl, h, self.Wl).unflatten(1, (N_GROUPS, GROUP_SIZE))
        group = torch.div(y, GROUP_SIZE, rounding_mode="floor")
        leaf = torch.remainder(y, GROUP_SIZE)
        rows = torch.arange(X.shape[0])
        own = zl[rows, group]                                   # (n, GROUP_SIZE)
        log_pg = zg[rows, group] - torch.logsumexp(zg, dim=1)
        log_pl = own[rows, leaf] - torch.logsumexp(own, dim=1)
        return log_pg + log_pl


def make_optimizer(model):
    weights = [model.W1, model.Wg, model.Wl]
    biases = [model.b1, model.bg, model.bl]
    optimizer = torch.optim.SGD([{"params": weights}, {"params": biases}], lr=LR, momentum=MOMENTUM,
                                weight_decay=WD)
    scheduler = LambdaLR(optimizer, lambda epoch: GAMMA ** (epoch // STEP_SIZE))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    for param in model.parameters():
        param.grad = None
    loss = -model.log_prob(X, y).mean()
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
