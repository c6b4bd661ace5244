"""PyTorch port of glu_numpy.py: a residual SwiGLU MLP regressor, gradient accumulation over two
micro-batches per step.

nn.Linear 5->12, two GLUBlocks (nn.LayerNorm, a fused nn.Linear 12->48 chunked into value and
gate, value * SiLU(gate) times the fixed dropout keep-mask of the micro-batch, nn.Linear 24->12
back onto the residual stream), nn.Linear head 12->2; F.mse_loss (mean) / 2 per micro-batch.
torch.optim.AdamW (weight decay 0.01 on everything) with a LambdaLR: linear warm-up over 3
updates, cosine to 0.1 of the peak at update 30.

Parameters, with the NumPy names they stand for:
    inp.weight = W_in.T, inp.bias = b_in,
    blocks.{l}.norm.weight = b{l}_ln_w, blocks.{l}.norm.bias = b{l}_ln_b,
    blocks.{l}.up.weight = b{l}_W_up.T, blocks.{l}.up.bias = b{l}_b_up,
    blocks.{l}.down.weight = b{l}_W_down.T, blocks.{l}.down.bias = b{l}_b_down,
    head.weight = W_head.T, head.bias = b_head
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ACCUM = 2


class GLUBlock(nn.Module):
    def __init__(self, width, hidden, p_drop):
        super().__init__()
        self.norm = nn.LayerNorm(width)
        self.up = nn.Linear(width, 2 * hidden)
        self.down = nn.Linear(hidden, width)
        self.p_drop = p_drop

    def forward(self, h, keep):
        a, g = self.up(self.norm(h)).chunk(2, dim=-1)
        z = a * F.silu(g)
        z = z * keep / (1.0 - self.p_drop)
        return h + self.down(z)


class GLUResMLP(nn.Module):
    def __init__(self, d_in=5, width=12, hidden=24, d_out=2, n_blocks=2, p_drop=0.1):
        super().__init__()
        self.inp = nn.Linear(d_in, width)
        self.blocks = nn.ModuleList([GLUBlock(width, hidden, p_drop) for _ in range(n_blocks)])
        self.head = nn.Linear(width, d_out)
        self.register_buffer("masks", torch.from_numpy(
            np.load(os.path.join(HERE, "glu_masks.npz"))["masks"]))

    def forward(self, x, micro=0):
        h = self.inp(x)
        for l, block in enumerate(self.blocks):
            h = block(h, self.masks[micro, l])
        return self.head(h)


def make_optimizer(model, lr=5e-3, warmup=3, total_steps=30, min_ratio=0.1):
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8,
                                  weight_decay=0.01)

    def schedule(step):
        if step < warmup:
            return (step + 1) / warmup
        progress = (step - warmup) / (total_steps - warmup)
        return min_ratio + (1.0 - min_ratio) * 0.5 * (1.0 + math.cos(math.pi * progress))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    total = 0.0
    for micro, (xb, yb) in enumerate(zip(X.chunk(ACCUM), y.chunk(ACCUM))):
        optimizer.zero_grad()
        loss = F.mse_loss(model(xb, micro), yb) / ACCUM
        loss.backward()
        total += loss.item()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return total


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "glu.npz"))
    X, y = torch.tensor(data["X"], dtype=torch.float32), torch.tensor(data["y"], dtype=torch.float32)
    model = GLUResMLP()
    optimizer, scheduler = make_optimizer(model)
    for step in range(30):
        loss = train_step(model, optimizer, X, y, scheduler)
        if step % 5 == 0 or step == 29:
            print(f"step {step:3d}  loss {loss:.4f}")
