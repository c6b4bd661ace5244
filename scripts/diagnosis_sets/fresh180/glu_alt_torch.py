"""Another PyTorch port of glu_numpy.py (same model, same training), written without nn.Linear.

Each block keeps raw nn.Parameters with the weights (in, out), as the NumPy program does, and
calls F.layer_norm; the two micro-batch losses are added into one loss and one backward; the
learning rate is set by hand on the optimizer's parameter group before each step.

Parameters: inp_w = W_in, inp_b = b_in, blocks.{l}.ln_w, blocks.{l}.ln_b, blocks.{l}.w_up = b{l}_W_up,
blocks.{l}.b_up, blocks.{l}.w_down = b{l}_W_down, blocks.{l}.b_down, head_w = W_head, head_b = b_head
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class Block(nn.Module):
    def __init__(self, width=12, hidden=24):
        super().__init__()
        self.ln_w = nn.Parameter(torch.ones(width))
        self.ln_b = nn.Parameter(torch.zeros(width))
        self.w_up = nn.Parameter(torch.randn(width, 2 * hidden) / math.sqrt(width))
        self.b_up = nn.Parameter(torch.zeros(2 * hidden))
        self.w_down = nn.Parameter(torch.randn(hidden, width) / math.sqrt(hidden))
        self.b_down = nn.Parameter(torch.zeros(width))
        self.hidden = hidden

    def forward(self, h, keep_scaled):
        u = F.layer_norm(h, h.shape[-1:], self.ln_w, self.ln_b, eps=1e-5)
        ag = torch.addmm(self.b_up, u, self.w_up)
        value, gate = ag[:, :self.hidden], ag[:, self.hidden:]
        z = value * gate * torch.sigmoid(gate) * keep_scaled
        return torch.addmm(self.b_down, z, self.w_down) + h


class GLUResMLPRaw(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp_w = nn.Parameter(torch.randn(5, 12) / math.sqrt(5))
        self.inp_b = nn.Parameter(torch.zeros(12))
        self.blocks = nn.ModuleList([Block(), Block()])
        self.head_w = nn.Parameter(torch.randn(12, 2) / math.sqrt(12))
        self.head_b = nn.Parameter(torch.zeros(2))
        keep = np.load(os.path.join(HERE, "glu_masks.npz"))["masks"]
        self.register_buffer("keep", torch.from_numpy(keep))
        self.updates = 0

    def forward(self, x, micro):
        h = x @ self.inp_w + self.inp_b
        for l, blk in enumerate(self.blocks):
            h = blk(h, self.keep[micro, l].to(h.dtype) / 0.9)
        return h @ self.head_w + self.head_b


def lr_for(t, peak=5e-3, warmup=3, total=30, floor=0.1):
    if t < warmup:
        return peak * (t + 1) / warmup
    cos = 0.5 * (1 + math.cos(math.pi * (t - warmup) / (total - warmup)))
    return peak * (floor + (1 - floor) * cos)


def make_optimizer(model):
    return torch.optim.AdamW(model.parameters(), lr=lr_for(0), weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.param_groups[0]["lr"] = lr_for(model.updates)
    optimizer.zero_grad(set_to_none=True)
    halves = zip(torch.split(X, X.shape[0] // 2), torch.split(y, y.shape[0] // 2))
    loss = sum(((model(xb, i) - yb) ** 2).mean() for i, (xb, yb) in enumerate(halves)) / 2
    loss.backward()
    optimizer.step()
    model.updates += 1
    return loss.item()
