"""The SimCLR port of simclr_torch.py written in another style: raw (in, out) nn.Parameters used
with torch.addmm, the ReLU as clamp(min=0), the normalisation as z * rsqrt(|z|^2); NT-Xent with
the diagonal removed from the similarity matrix (sim[~eye].view(2n, 2n - 1)), so each positive's
column shifts left by one for the first n rows, then log_softmax and gather; and a LARS optimizer
that carries its own warmup + cosine schedule (it counts its updates; no scheduler), keeps a
'velocity' of zeros in its state and skips the trust ratio for the 1-D biases."""

import math

import torch
from torch import nn

D, H, P, E = 10, 16, 16, 8
TEMP = 0.5
LR, ETA, MOM, WD, WARMUP, TOTAL = 0.5, 0.05, 0.9, 5e-4, 3, 30


class SimCLRRaw(nn.Module):
    def __init__(self):
        super().__init__()
        self.W1 = nn.Parameter(torch.randn(D, H) / math.sqrt(D))
        self.b1 = nn.Parameter(torch.zeros(H))
        self.W2 = nn.Parameter(torch.randn(H, P) / math.sqrt(H))
        self.b2 = nn.Parameter(torch.zeros(P))
        self.W3 = nn.Parameter(torch.randn(P, E) / math.sqrt(P))
        self.b3 = nn.Parameter(torch.zeros(E))

    def forward(self, x):
        h1 = torch.tanh(torch.addmm(self.b1, x, self.W1))
        h2 = torch.addmm(self.b2, h1, self.W2).clamp(min=0)
        z = torch.addmm(self.b3, h2, self.W3)
        return z * torch.rsqrt((z * z).sum(dim=1, keepdim=True))


def nt_xent_offdiag(u):
    n2 = u.shape[0]
    n = n2 // 2
    sim = u @ u.T / TEMP
    keep = ~torch.eye(n2, dtype=torch.bool)
    logits = sim[keep].view(n2, n2 - 1)
    targets = torch.cat([torch.arange(n, n2) - 1, torch.arange(n)])
    log_prob = logits.log_softmax(dim=1)
    return -log_prob.gather(1, targets[:, None]).mean()


class ScheduledLARS(torch.optim.Optimizer):
    def __init__(self, params):
        super().__init__(params, dict(lr=LR))
        self.updates = 0

    def lr_now(self):
        t = self.updates
        if t <= WARMUP:
            return LR * t / WARMUP
        return LR * 0.5 * (1.0 + math.cos(math.pi * (t - WARMUP) / (TOTAL - WARMUP)))

    @torch.no_grad()
    def step(self, closure=None):
        self.updates += 1
        lr = self.lr_now()
        for group in self.param_groups:
            group["lr"] = lr
            for p in group["params"]:
                g = p.grad
                if p.dim() > 1:
                    g = g + WD * p
                    w_norm, g_norm = p.norm(), g.norm()
                    if w_norm > 0 and g_norm > 0:
                        g = g * (ETA * w_norm / g_norm)
                v = self.state[p].setdefault("velocity", torch.zeros_like(p))
                v.mul_(MOM).add_(g)
                p.sub_(lr * v)


def make_optimizer(model):
    return ScheduledLARS(model.parameters())


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    u = model(torch.cat([X[:, :D], X[:, D:]]))
    loss = nt_xent_offdiag(u)
    loss.backward()
    optimizer.step()
    return loss.item()
