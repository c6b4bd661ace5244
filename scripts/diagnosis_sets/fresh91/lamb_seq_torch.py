"""The LAMB regressor port of lamb_torch.py written in another style: the network an
nn.Sequential (parameters net.0.weight, net.2.weight, net.4.weight and their biases), the squared
error written out on the flattened output, and a LAMB that keeps its step count as a tensor in
each parameter's state, forms its groups by tensor rank (matrices decayed, vectors not), takes
the warmup-then-linear-decay schedule as a function of the step it is given instead of a
scheduler, and computes the trust ratio with torch.linalg.vector_norm and torch.where."""

import torch
from torch import nn

N_IN, H1, H2 = 5, 16, 8
LR, WARMUP, TOTAL = 0.02, 3, 40
BETA1, BETA2, EPS, WD = 0.9, 0.999, 1e-6, 0.05


def warmup_linear(t):
    return min(t / WARMUP, (TOTAL - t) / (TOTAL - WARMUP))


class ScheduledLamb(torch.optim.Optimizer):
    def __init__(self, params, lr, schedule, betas=(BETA1, BETA2), eps=EPS, weight_decay=0.0):
        self.schedule = schedule
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta1, beta2 = group["betas"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                st = self.state[p]
                if not st:
                    st["step"] = torch.tensor(0.0)
                    st["m"] = torch.zeros_like(p)
                    st["v"] = torch.zeros_like(p)
                st["step"] += 1
                t = int(st["step"].item())
                st["m"].lerp_(p.grad, 1.0 - beta1)
                st["v"].mul_(beta2).add_(p.grad.square(), alpha=1.0 - beta2)
                denom = (st["v"] / (1.0 - beta2 ** t)).sqrt().add_(group["eps"])
                r = (st["m"] / (1.0 - beta1 ** t)) / denom
                r = r.add(p, alpha=group["weight_decay"])
                wn = torch.linalg.vector_norm(p)
                rn = torch.linalg.vector_norm(r)
                trust = torch.where((wn > 0) & (rn > 0), wn / rn, torch.ones_like(wn))
                p.sub_(group["lr"] * self.schedule(t) * trust * r)
        return None


class LambSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(N_IN, H1), nn.ReLU(), nn.Linear(H1, H2), nn.Tanh(),
                                 nn.Linear(H2, 1))

    def forward(self, X):
        return self.net(X).flatten()


def make_optimizer(model):
    matrices = [p for p in model.parameters() if p.ndim == 2]
    vectors = [p for p in model.parameters() if p.ndim == 1]
    return ScheduledLamb([dict(params=matrices, weight_decay=WD), dict(params=vectors)], lr=LR,
                         schedule=warmup_linear)


def train_step(model, optimizer, X, y):
    for p in model.parameters():
        p.grad = None
    loss = (model(X) - y).pow(2).sum() / y.numel()
    loss.backward()
    optimizer.step()
    return float(loss)
