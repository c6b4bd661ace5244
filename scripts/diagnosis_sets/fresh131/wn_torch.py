"""PyTorch port of wn_numpy.py: a residual MLP with weight-normalised block layers,
tanh-GELU, MSE, torch.optim.AdamW with two parameter groups (no decay on gains and biases).

Parameters (model.named_parameters()) and the NumPy names they stand for:
    in_proj.weight = W_in.T, in_proj.bias = b_in
    blocks.{l}.fc1.v (out, in) = v1_{l}.T, blocks.{l}.fc1.g = g1_{l}, blocks.{l}.fc1.bias = b1_{l}
    blocks.{l}.fc2.v (out, in) = v2_{l}.T, blocks.{l}.fc2.g = g2_{l}, blocks.{l}.fc2.bias = b2_{l}
    head.weight = W_out.T, head.bias = b_out
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class WNLinear(nn.Module):
    """y = x @ W.T + b with W = g * v / ||v||, the norm of each row of v (one per output)."""

    def __init__(self, n_in, n_out):
        super().__init__()
        self.v = nn.Parameter(torch.randn(n_out, n_in))
        self.g = nn.Parameter(torch.ones(n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        w = self.g[:, None] * self.v / self.v.norm(dim=1, keepdim=True)
        return F.linear(x, w, self.bias)


class Block(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.fc1 = WNLinear(width, width)
        self.fc2 = WNLinear(width, width)

    def forward(self, h):
        return h + self.fc2(F.gelu(self.fc1(h), approximate="tanh"))


class WNResMLP(nn.Module):
    def __init__(self, n_in=5, width=16, n_out=1, n_blocks=2):
        super().__init__()
        self.in_proj = nn.Linear(n_in, width)
        self.blocks = nn.ModuleList([Block(width) for _ in range(n_blocks)])
        self.head = nn.Linear(width, n_out)

    def forward(self, X):
        h = self.in_proj(X)
        for block in self.blocks:
            h = block(h)
        return self.head(h)


def make_optimizer(model, lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05):
    decay = [p for n, p in model.named_parameters() if n.endswith(".weight") or n.endswith(".v")]
    no_decay = [p for n, p in model.named_parameters() if n.endswith(".g") or n.endswith(".bias")]
    return torch.optim.AdamW([{"params": decay, "weight_decay": weight_decay},
                              {"params": no_decay, "weight_decay": 0.0}],
                             lr=lr, betas=betas, eps=eps)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "wn.npz"))
    X = torch.tensor(data["X"], dtype=torch.float32)
    y = torch.tensor(data["y"], dtype=torch.float32)
    model = WNResMLP()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.5f}")
