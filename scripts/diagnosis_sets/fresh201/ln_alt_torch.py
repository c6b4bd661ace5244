"""ln_torch.py ported another way: LayerNorm written out (mean, var(unbiased=False), rsqrt)
with its own nn.Parameters, the tanh-approximate GELU written from its formula, the feed-forward
in an nn.ModuleDict, and no LRScheduler: train_step sets each group's learning rate itself from
an update counter kept on the model. The decay group is chosen by name.

    inp.weight, inp.bias          W_in, b_in
    ln1_weight, ln1_bias          ln1_g, ln1_b
    ffn.gate.weight / up / down   W_gate, W_up, W_down
    lnf_weight, lnf_bias          lnf_g, lnf_b
    head.weight, head.bias        W_head, b_head
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


def layer_norm(x, weight, bias, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, keepdim=True, unbiased=False)
    return (x - mean) * torch.rsqrt(var + eps) * weight + bias


def gelu_tanh(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))


class LNGeGLUNetAlt(nn.Module):
    def __init__(self, d_in=10, d_model=12, d_ff=16, n_classes=3):
        super().__init__()
        self.inp = nn.Linear(d_in, d_model)
        self.ln1_weight = nn.Parameter(torch.ones(d_model))
        self.ln1_bias = nn.Parameter(torch.zeros(d_model))
        self.ffn = nn.ModuleDict({
            "gate": nn.Linear(d_model, d_ff, bias=False),
            "up": nn.Linear(d_model, d_ff, bias=False),
            "down": nn.Linear(d_ff, d_model, bias=False),
        })
        self.lnf_weight = nn.Parameter(torch.ones(d_model))
        self.lnf_bias = nn.Parameter(torch.zeros(d_model))
        self.head = nn.Linear(d_model, n_classes)
        self.updates = 0

    def forward(self, x):
        h = self.inp(x)
        n = layer_norm(h, self.ln1_weight, self.ln1_bias)
        h = h + self.ffn["down"](gelu_tanh(self.ffn["gate"](n)) * self.ffn["up"](n))
        return self.head(layer_norm(h, self.lnf_weight, self.lnf_bias))


def schedule(t, warmup=5, total=20):
    if t <= warmup:
        return t / warmup
    return 1.0 - 0.9 * (t - warmup) / (total - warmup)


def make_optimizer(model, lr=1e-2):
    decay, rest = [], []
    for name, p in model.named_parameters():
        (decay if name.endswith(".weight") and p.ndim == 2 else rest).append(p)
    return torch.optim.AdamW([{"params": decay, "weight_decay": 0.05, "base_lr": lr},
                              {"params": rest, "weight_decay": 0.0, "base_lr": lr}],
                             lr=lr, betas=(0.9, 0.95), eps=1e-8)


def train_step(model, optimizer, X, y):
    model.updates += 1
    for group in optimizer.param_groups:
        group["lr"] = group["base_lr"] * schedule(model.updates)
    optimizer.zero_grad(set_to_none=True)
    logits = model(X)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    optimizer.step()
    return float(loss.detach())
