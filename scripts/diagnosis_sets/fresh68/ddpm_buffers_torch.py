"""The DDPM port of ddpm_torch.py written in another style: the schedule's square roots
precomputed and kept as registered buffers, extracted with Tensor.gather and reshaped to (n, 1),
the embedding built with torch.outer and a stacked sin/cos, the network an nn.Sequential with
F.silu applied through nn.SiLU modules, the squared error written out and averaged by hand, Adam
with foreach=False and the warmup done by setting the param group's lr before each step."""

import math

import torch
from torch import nn

T, EMB, HIDDEN = 40, 8, 32
LR, WARMUP = 0.01, 10


def sinusoidal(t, dim=EMB):
    half = dim // 2
    freqs = torch.exp(torch.arange(half, dtype=torch.float64) * (-math.log(10000.0) / half))
    args = torch.outer(t.to(torch.float64), freqs)
    return torch.stack([args.sin(), args.cos()], dim=1).flatten(1)


def extract(buf, t, like):
    return buf.gather(0, t).reshape(-1, 1).to(like.dtype)


class DDPMBuffers(nn.Module):
    def __init__(self):
        super().__init__()
        betas = torch.linspace(1e-3, 0.12, T, dtype=torch.float64)
        alpha_bar = torch.cumprod(1.0 - betas, dim=0)
        self.register_buffer("sqrt_ab", alpha_bar.sqrt())
        self.register_buffer("sqrt_one_minus_ab", (1.0 - alpha_bar).sqrt())
        self.net = nn.Sequential(
            nn.Linear(2 + EMB, HIDDEN), nn.SiLU(),
            nn.Linear(HIDDEN, HIDDEN), nn.SiLU(),
            nn.Linear(HIDDEN, 2),
        )
        self.steps_done = 0

    def q_sample(self, x0, t, noise):
        return extract(self.sqrt_ab, t, x0) * x0 + extract(self.sqrt_one_minus_ab, t, x0) * noise

    def forward(self, x_t, t):
        return self.net(torch.cat([x_t, sinusoidal(t).to(x_t.dtype)], dim=-1))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, foreach=False)


def train_step(model, optimizer, X, y):
    x0, t = X[:, :2], X[:, 2].to(torch.int64)
    model.steps_done += 1
    for group in optimizer.param_groups:
        group["lr"] = LR * min(1.0, model.steps_done / WARMUP)
    optimizer.zero_grad(set_to_none=True)
    pred = model(model.q_sample(x0, t, y), t)
    loss = (pred - y).pow(2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
