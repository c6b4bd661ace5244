"""PyTorch port of rg_numpy.py: a residual MLP classifier with an RMSNorm block and a
GroupNorm block, tanh-GELU, cross-entropy, torch.optim.Adam.

Parameters (model.named_parameters()) and the NumPy names they stand for:
    in_proj.weight = W_in.T, in_proj.bias = b_in
    rms.weight = rms_g
    fc1 = W1.T / b1, fc2 = W2.T / b2
    gn.weight = gn_g, gn.bias = gn_b          nn.GroupNorm(3, 12) on (N, 12)
    fc3 = W3.T / b3, fc4 = W4.T / b4
    head.weight = W_out.T, head.bias = b_out
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-5):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))
        self.eps = eps

    def forward(self, x):
        rms = torch.sqrt(x.pow(2).mean(dim=0, keepdim=True) + self.eps)  # fix: rms = torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + self.eps)
        return x / rms * self.weight


class RGNet(nn.Module):
    def __init__(self, n_in=8, width=12, ff=24, n_cls=3, groups=3):
        super().__init__()
        self.in_proj = nn.Linear(n_in, width)
        self.rms = RMSNorm(width)
        self.fc1 = nn.Linear(width, ff)
        self.fc2 = nn.Linear(ff, width)
        self.gn = nn.GroupNorm(groups, width, eps=1e-5)
        self.fc3 = nn.Linear(width, ff)
        self.fc4 = nn.Linear(ff, width)
        self.head = nn.Linear(width, n_cls)

    def forward(self, X):
        h = self.in_proj(X)
        h = h + self.fc2(F.gelu(self.fc1(self.rms(h)), approximate="tanh"))
        h = h + self.fc4(F.gelu(self.fc3(self.gn(h)), approximate="tanh"))
        return self.head(h)


def make_optimizer(model, lr=5e-3, betas=(0.9, 0.999), eps=1e-8):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=betas, eps=eps)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "rg.npz"))
    X = torch.tensor(data["X"], dtype=torch.float32)
    y = torch.tensor(data["y"])
    model = RGNet()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.5f}")
