"""LarsMLP in PyTorch: nn.Linear(6, 16), ReLU, nn.Linear(16, 3), F.cross_entropy on the logits;
a small LARS torch.optim.Optimizer (trust ratio eta * |w| / (|g| + wd * |w|), heavy-ball momentum)
with the biases in a param group of their own that skips the weight decay and the trust ratio;
LambdaLR for the linear warmup and half-cosine decay."""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, HIDDEN, K = 6, 16, 3
LR, MOMENTUM, WD, ETA = 0.2, 0.9, 5e-4, 0.05
WARMUP, TOTAL = 3, 30


def lr_at(t):
    if t <= WARMUP:
        return LR * t / WARMUP
    progress = (t - WARMUP) / (TOTAL - WARMUP)
    return 0.5 * LR * (1.0 + math.cos(math.pi * progress))


class LARS(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.9, weight_decay=0.0, eta=0.001, lars=True):
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, eta=eta, lars=lars))

    @torch.no_grad()
    def step(self, closure=None):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad
                d = g.add(p, alpha=group["weight_decay"])
                if group["lars"]:
                    w_norm = torch.linalg.vector_norm(p)
                    g_norm = torch.linalg.vector_norm(g)
                    if w_norm > 0 and g_norm > 0:
                        d = d * (group["eta"] * w_norm / (g_norm + group["weight_decay"] * w_norm))
                state = self.state[p]
                if "momentum_buffer" not in state:
                    state["momentum_buffer"] = torch.zeros_like(p)
                buf = state["momentum_buffer"]
                buf.mul_(group["momentum"]).add_(d)
                p.add_(buf, alpha=-group["lr"])


class LarsMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, K)

    def forward(self, X):
        h = torch.relu(self.fc1(X))
        return self.fc2(h)


def make_optimizer(model):
    weights = [model.fc1.weight, model.fc2.weight]
    biases = [model.fc1.bias, model.fc2.bias]
    optimizer = LARS([{"params": weights}, {"params": biases, "weight_decay": 0.0, "lars": False}],
                     lr=LR, momentum=MOMENTUM, weight_decay=WD, eta=ETA)
    scheduler = LambdaLR(optimizer, lambda step: lr_at(step + 1))  # fix: scheduler = LambdaLR(optimizer, lambda step: lr_at(step + 1) / LR)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
