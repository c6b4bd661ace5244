"""SimCLR in PyTorch: an nn.Sequential tanh encoder and a two-layer projection head, the two views
concatenated along the batch with torch.cat, F.normalize, the NT-Xent loss as F.cross_entropy over
the 2n x 2n similarity matrix with its diagonal masked_fill-ed with -inf and the targets
[n..2n-1, 0..n-1]; a LARS optimizer written as a torch.optim.Optimizer subclass (trust ratio and
weight decay on the weight group only, heavy-ball momentum) and a LambdaLR warmup + cosine."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, H, P, E = 10, 16, 16, 8
TEMP = 0.5
LR, ETA, MOM, WD, WARMUP, TOTAL = 0.5, 0.05, 0.9, 5e-4, 3, 30


class SimCLR(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(D, H), nn.Tanh())
        self.projector = nn.Sequential(nn.Linear(H, P), nn.ReLU(), nn.Linear(P, E))

    def forward(self, x):
        return F.normalize(self.projector(self.encoder(x)), dim=1)


def nt_xent(z, temperature):
    n2 = z.shape[0]
    n = n2 // 2
    sim = z @ z.T / temperature
    self_mask = torch.eye(n2, dtype=torch.bool)
    sim = sim.masked_fill(self_mask, float("-inf"))
    targets = torch.cat([torch.arange(n, n2), torch.arange(n)])
    return F.cross_entropy(sim, targets)


class LARS(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.9, weight_decay=0.0, eta=0.001, lars=True):
        defaults = dict(lr=lr, momentum=momentum, weight_decay=weight_decay, eta=eta, lars=lars)
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                d_p = p.grad
                if group["lars"]:
                    d_p = d_p.add(p, alpha=group["weight_decay"])
                    w_norm = torch.norm(p)
                    g_norm = torch.norm(d_p)
                    trust = torch.where((w_norm > 0) & (g_norm > 0), group["eta"] * w_norm / g_norm,
                                        torch.ones_like(w_norm))
                    d_p = d_p.mul(trust)
                state = self.state[p]
                if "momentum_buffer" not in state:
                    buf = state["momentum_buffer"] = torch.clone(d_p).detach()
                else:
                    buf = state["momentum_buffer"]
                    buf.mul_(group["momentum"]).add_(d_p)
                p.add_(buf, alpha=-group["lr"])


def warmup_cosine(step):
    t = step + 1
    if t <= WARMUP:
        return t / WARMUP
    return 0.5 * (1.0 + math.cos(math.pi * (t - WARMUP) / (TOTAL - WARMUP)))


def make_optimizer(model):
    weights = [p for p in model.parameters() if p.ndim == 2]
    biases = [p for p in model.parameters() if p.ndim == 1]
    optimizer = LARS([{"params": weights, "weight_decay": WD, "lars": True},
                      {"params": biases, "weight_decay": 0.0, "lars": False}],
                     lr=LR, momentum=MOM, eta=ETA)
    scheduler = LambdaLR(optimizer, warmup_cosine)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler):
    xa, xb = X[:, :D], X[:, D:]
    optimizer.zero_grad()
    z = model(torch.cat([xa, xb], dim=0))
    loss = nt_xent(z, TEMP)
    loss.backward()
    optimizer.step()
    scheduler.step()
    return loss.item()
