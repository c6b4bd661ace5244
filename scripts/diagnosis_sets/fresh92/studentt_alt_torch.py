"""StudentTRegressor ported in another PyTorch style: raw nn.Parameters W (in, 2) and b used with
torch.addmm, the two columns taken with unbind, the Student-t log-density written out with
torch.lgamma, the gradient norm clipped by hand (the norm of the per-parameter norms, 1e-6 added,
the factor clamped at 1), SGD(nesterov=True, weight_decay) and MultiStepLR with milestones at 8
and 16 (the same schedule as StepLR(8) over 20 updates)."""

import math

import torch
from torch import nn
from torch.optim.lr_scheduler import MultiStepLR

D_IN, NU = 5, 4.0
LR, MOMENTUM, WD, MAX_NORM, GAMMA = 0.05, 0.9, 1e-3, 1.0, 0.5
LOG_S_MIN, LOG_S_MAX = -3.0, 2.0


class StudentTLinear(nn.Module):
    def __init__(self):
        super().__init__()
        self.W = nn.Parameter(torch.randn(D_IN, 2) * 0.3)
        self.b = nn.Parameter(torch.zeros(2))

    def forward(self, X):
        mu, ls_raw = torch.addmm(self.b, X, self.W).unbind(dim=1)
        return mu, torch.clamp(ls_raw, min=LOG_S_MIN, max=LOG_S_MAX)


def student_t_nll(y, mu, log_s):
    nu = torch.tensor(NU, dtype=mu.dtype)
    log_norm = torch.lgamma(nu / 2) - torch.lgamma((nu + 1) / 2) + 0.5 * torch.log(nu * math.pi)
    z = (y - mu) * torch.exp(-log_s)
    return (log_s + 0.5 * (nu + 1) * torch.log1p(z.pow(2) / nu) + log_norm).mean()


def make_optimizer(model):
    optimizer = torch.optim.SGD([model.W, model.b], lr=LR, momentum=MOMENTUM, dampening=0.0,
                                nesterov=True, weight_decay=WD)
    return optimizer, MultiStepLR(optimizer, milestones=[8, 16], gamma=GAMMA)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    mu, log_s = model(X)
    loss = student_t_nll(y, mu, log_s)
    loss.backward()
    with torch.no_grad():
        grads = [p.grad for p in (model.W, model.b)]
        total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
        factor = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
        for g in grads:
            g.mul_(factor)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
