"""The discrete-time hazard port of hazard_torch.py written in another style: an nn.Sequential,
the likelihood written from log-survival terms (F.logsigmoid(-logit) = log(1 - h)) summed with an
exclusive cumulative sum over the intervals survived and read with gather at each row's last
interval (log h there for an event, log(1 - h) for a censored row), its mean over the rows; the
global-norm clipping written by hand on the .grad tensors, and SGD built from a param-group dict
with dampening and foreach given explicitly."""

import torch
import torch.nn.functional as F
from torch import nn

N_FEAT, HIDDEN, J = 6, 10, 5
LR, MOMENTUM, WD, MAX_NORM = 0.1, 0.9, 5e-4, 0.5


class HazardSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(N_FEAT, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, J))

    def forward(self, X):
        return self.net(X)


def survival_nll(logits, y):
    k = y[:, 0].long().unsqueeze(1)
    event = y[:, 1]
    log_h = F.logsigmoid(logits)
    log_s = F.logsigmoid(-logits)
    survived_before = (torch.cumsum(log_s, dim=1) - log_s).gather(1, k).squeeze(1)
    last = torch.where(event > 0, log_h.gather(1, k).squeeze(1), log_s.gather(1, k).squeeze(1))
    return -(survived_before + last).mean()


def make_optimizer(model):
    group = {"params": list(model.parameters()), "lr": LR, "momentum": MOMENTUM, "dampening": 0.0,
             "weight_decay": WD}
    return torch.optim.SGD([group], lr=LR, foreach=False)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = survival_nll(model(X), y)
    loss.backward()
    grads = [p.grad for p in model.parameters()]
    total = torch.sqrt(sum((g * g).sum() for g in grads))
    coef = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
    for g in grads:
        g.mul_(coef)
    optimizer.step()
    return float(loss)
