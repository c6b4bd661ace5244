"""PyTorch port of rms_numpy.py: pre-norm residual block with RMSNorm and a SwiGLU MLP.

    proj   nn.Linear(12, 16)              W_in = proj.weight.T, b_in = proj.bias
    norm   RMSNorm(16), weight            g = norm.weight
    w_gate nn.Linear(16, 32, bias=False)  W_gate = w_gate.weight.T
    w_up   nn.Linear(16, 32, bias=False)  W_up = w_up.weight.T
    w_down nn.Linear(32, 16, bias=False)  W_down = w_down.weight.T
    head   nn.Linear(16, 4)               W_head = head.weight.T, b_head = head.bias

torch.optim.AdamW(weight_decay=0.1) with LambdaLR for the linear warmup over 10 updates.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        x = x * torch.rsqrt(x.pow(2).mean(0, keepdim=True) + self.eps)
        return x * self.weight


class RMSGLUNet(nn.Module):
    def __init__(self, d_in=12, d_model=16, d_ff=32, n_classes=4):
        super().__init__()
        self.proj = nn.Linear(d_in, d_model)
        self.norm = RMSNorm(d_model)
        self.w_gate = nn.Linear(d_model, d_ff, bias=False)
        self.w_up = nn.Linear(d_model, d_ff, bias=False)
        self.w_down = nn.Linear(d_ff, d_model, bias=False)
        self.head = nn.Linear(d_model, n_classes)

    def forward(self, x):
        h = self.proj(x)
        n = self.norm(h)
        h = h + self.w_down(F.silu(self.w_gate(n)) * self.w_up(n))
        return self.head(h)


def make_optimizer(model, lr=5e-3, warmup=10):
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8,
                                  weight_decay=0.1)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warmup))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
