"""Another port of cutmix_cnn_numpy.py: parameters in the NumPy layout, soft targets.

The kernel is kept as an nn.Parameter in the NumPy layout (kh, kw, cin, cout)
and permuted for F.conv2d; the dense weight as (in, out). The box is pasted
with torch.where on a boolean mask, and the mixed loss is written as one cross
entropy on the soft label lam onehot(y) + (1 - lam) onehot(y_perm), equal to
lam CE(y) + (1 - lam) CE(y_perm). torch.optim.Adam(lr=0.01).

    K (3, 3, 1, 4) = params['K'], bK (4,), W (36, 3), b (3,)
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

PLAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cutmix_cnn_plan.npz")


class CutMixCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.K = nn.Parameter(torch.randn(3, 3, 1, 4) * 0.5)
        self.bK = nn.Parameter(torch.zeros(4))
        self.W = nn.Parameter(torch.randn(36, 3) / 6)
        self.b = nn.Parameter(torch.zeros(3))
        plan = np.load(PLAN)
        self.perm = torch.from_numpy(plan["perm"])
        self.box = torch.from_numpy(plan["box"])
        self.t = 0

    def forward(self, x):
        x = F.conv2d(x, self.K.permute(3, 2, 0, 1), self.bK)
        x = F.avg_pool2d(torch.relu(x), kernel_size=2, stride=2)
        return x.flatten(1) @ self.W + self.b


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    i = model.t % len(model.perm)
    perm = model.perm[i]
    r0, r1, c0, c1 = model.box[i].tolist()
    H, W = X.shape[-2:]
    rows = torch.arange(H)[:, None]
    cols = torch.arange(W)[None, :]
    inside = (rows >= r0) & (rows < r1) & (cols >= c0) & (cols < c1)
    Xc = torch.where(inside, X[perm], X)
    lam = 1.0 - inside.sum().item() / (H * W)
    target = lam * F.one_hot(y, 3).to(X.dtype) + (1 - lam) * F.one_hot(y[perm], 3).to(X.dtype)
    optimizer.zero_grad()
    loss = F.cross_entropy(model(Xc), target)
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
