"""PyTorch port of highway_numpy.py: a pre-LayerNorm highway MLP classifier.

nn.Linear 6->16, two HighwayBlocks (nn.LayerNorm, nn.Linear transform H with tanh-GELU and the
fixed dropout keep-mask, nn.Linear gate T with a sigmoid; h = T * H + (1 - T) * h), a final
nn.LayerNorm and an nn.Linear head, F.cross_entropy (mean).

AdamW in two parameter groups (weight decay 0.05 on the weight matrices only), the learning
rate set by hand before each step from the model's step count: linear warm-up over 4 updates,
then cosine to 0 at update 40 (nanoGPT style).

Parameters, with the NumPy names they stand for:
    inp.weight = W_in.T, inp.bias = b_in,
    blocks.{l}.ln.weight = blk{l}.ln_g, blocks.{l}.ln.bias = blk{l}.ln_b,
    blocks.{l}.H.weight = blk{l}.W_h.T, blocks.{l}.H.bias = blk{l}.b_h,
    blocks.{l}.T.weight = blk{l}.W_t.T, blocks.{l}.T.bias = blk{l}.b_t,
    ln_f.weight = lnf_g, ln_f.bias = lnf_b, head.weight = W_out.T, head.bias = b_out
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))

BASE_LR, WARMUP, TOTAL_STEPS = 3e-3, 4, 40
WEIGHT_DECAY = 0.05


def lr_at(step):
    if step < WARMUP:
        return BASE_LR * (step + 1) / WARMUP
    progress = (step - WARMUP) / (TOTAL_STEPS - WARMUP)
    return BASE_LR * 0.5 * (1.0 + math.cos(math.pi * progress))


class HighwayBlock(nn.Module):
    def __init__(self, width, p_drop):
        super().__init__()
        self.ln = nn.LayerNorm(width)
        self.H = nn.Linear(width, width)
        self.T = nn.Linear(width, width)
        self.p_drop = p_drop

    def forward(self, h, keep):
        u = self.ln(h)
        H = F.gelu(self.H(u)) * keep / (1.0 - self.p_drop)
        t = torch.sigmoid(self.T(u))
        return t * H + (1.0 - t) * h


class HighwayNet(nn.Module):
    def __init__(self, d_in=6, width=16, n_classes=3, n_blocks=2, p_drop=0.2):
        super().__init__()
        self.inp = nn.Linear(d_in, width)
        self.blocks = nn.ModuleList(HighwayBlock(width, p_drop) for _ in range(n_blocks))
        self.ln_f = nn.LayerNorm(width)
        self.head = nn.Linear(width, n_classes)
        masks = np.load(os.path.join(HERE, "highway_masks.npz"))["masks"]
        self.register_buffer("masks", torch.from_numpy(masks))
        self.step_count = 0

    def forward(self, X):
        keep = self.masks[self.step_count % self.masks.shape[0]]
        h = self.inp(X)
        for l, block in enumerate(self.blocks):
            h = block(h, keep[l])
        return self.head(self.ln_f(h))


def make_optimizer(model):
    decay = [p for n, p in model.named_parameters() if p.dim() == 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    return torch.optim.AdamW([{"params": decay, "weight_decay": WEIGHT_DECAY},
                              {"params": no_decay, "weight_decay": 0.0}],
                             lr=BASE_LR, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    lr = lr_at(model.step_count)
    for group in optimizer.param_groups:
        group["lr"] = lr
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    model.step_count += 1
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(HERE, "highway.npz"))
    X, y = torch.tensor(data["X"], dtype=torch.float32), torch.from_numpy(data["y"])
    model = HighwayNet()
    optimizer = make_optimizer(model)
    for step in range(40):
        loss = train_step(model, optimizer, X, y)
        if step % 5 == 0 or step == 39:
            print(f"step {step:3d}  loss {loss:.4f}")
