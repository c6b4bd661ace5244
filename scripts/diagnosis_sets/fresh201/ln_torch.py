"""PyTorch port of ln_numpy.py: pre-norm residual GeGLU block, final LayerNorm, linear head.

    inp    nn.Linear(10, 12)              W_in, b_in
    ln1    nn.LayerNorm(12)               ln1_g, ln1_b
    gate   nn.Linear(12, 16, bias=False)  W_gate
    up     nn.Linear(12, 16, bias=False)  W_up
    down   nn.Linear(16, 12, bias=False)  W_down
    ln_f   nn.LayerNorm(12)               lnf_g, lnf_b
    head   nn.Linear(12, 3)               W_head, b_head
(the NumPy program keeps the weights (out, in), as nn.Linear does: no transposes)

AdamW with two parameter groups (weight decay 0.05 on the matrices, none on the rest), betas
(0.9, 0.95); LambdaLR: linear warmup over 5 updates, then linear decay to 0.1 * lr at update 20.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class GeGLU(nn.Module):
    def __init__(self, d_model, d_ff):
        super().__init__()
        self.gate = nn.Linear(d_model, d_ff, bias=False)
        self.up = nn.Linear(d_model, d_ff, bias=False)
        self.down = nn.Linear(d_ff, d_model, bias=False)

    def forward(self, x):
        return self.down(F.gelu(self.gate(x), approximate="tanh") * self.up(x))


class LNGeGLUNet(nn.Module):
    def __init__(self, d_in=10, d_model=12, d_ff=16, n_classes=3):
        super().__init__()
        self.inp = nn.Linear(d_in, d_model)
        self.ln1 = nn.LayerNorm(d_model, eps=1e-5)
        self.mlp = GeGLU(d_model, d_ff)
        self.ln_f = nn.LayerNorm(d_model, eps=1e-5)
        self.head = nn.Linear(d_model, n_classes)

    def forward(self, x):
        h = self.inp(x)
        h = h + self.mlp(self.ln1(h))
        return self.head(self.ln_f(h))


def lr_lambda(step, warmup=5, total=20):
    t = step + 1
    if t <= warmup:
        return t / warmup
    return 1.0 - 0.9 * (t - warmup) / (total - warmup)


def make_optimizer(model, lr=1e-2):
    decay = [p for p in model.parameters() if p.dim() == 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": 0.05},
                                   {"params": no_decay, "weight_decay": 0.0}],
                                  lr=lr, betas=(0.9, 0.95), eps=1e-8)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
