"""resplain_torch.py written another way: its own nn.Parameters and F.conv2d, the learning
rate of each step set by hand in the parameter groups instead of a LambdaLR.

Parameters: w_stem, b_stem, w_down, b_down, w_mid, b_mid, w_proj, b_proj (conv, torch
layouts), w_out (3, 6), b_out (3,).
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class ResNetPlainF(nn.Module):
    def __init__(self):
        super().__init__()
        z = torch.zeros
        self.w_stem, self.b_stem = nn.Parameter(z(4, 1, 3, 3)), nn.Parameter(z(4))
        self.w_down, self.b_down = nn.Parameter(z(6, 4, 3, 3)), nn.Parameter(z(6))
        self.w_mid, self.b_mid = nn.Parameter(z(6, 6, 3, 3)), nn.Parameter(z(6))
        self.w_proj, self.b_proj = nn.Parameter(z(6, 4, 1, 1)), nn.Parameter(z(6))
        self.w_out, self.b_out = nn.Parameter(z(3, 6)), nn.Parameter(z(3))
        self.steps_done = 0

    def forward(self, x):
        h0 = F.relu(F.conv2d(x, self.w_stem, self.b_stem, padding=1))
        a = F.relu(F.conv2d(h0, self.w_down, self.b_down, stride=2, padding=1))
        a = F.conv2d(a, self.w_mid, self.b_mid, padding=1)
        s = a + F.conv2d(h0, self.w_proj, self.b_proj, stride=2)
        feat = F.relu(s).flatten(2).mean(-1)
        return F.linear(feat, self.w_out, self.b_out)


BASE_LR, WARMUP, TOTAL, MIN_RATIO = 0.01, 4, 20, 0.1


def lr_at(t):
    if t < WARMUP:
        return BASE_LR * (t + 1) / WARMUP
    cos = 0.5 * (1 + math.cos(math.pi * (t - WARMUP) / (TOTAL - WARMUP)))
    return BASE_LR * (MIN_RATIO + (1 - MIN_RATIO) * cos)


def make_optimizer(model):
    groups = [{"params": [p for p in model.parameters() if p.dim() >= 2], "weight_decay": 0.1},
              {"params": [p for p in model.parameters() if p.dim() < 2], "weight_decay": 0.0}]
    return torch.optim.AdamW(groups, lr=BASE_LR)


def train_step(model, optimizer, X, y):
    for group in optimizer.param_groups:
        group["lr"] = lr_at(model.steps_done)
    optimizer.zero_grad(set_to_none=True)
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    model.steps_done += 1
    return loss.item()
