"""v-prediction diffusion in PyTorch: the cosine alpha_bar schedule and min-SNR weights as tensors
indexed by the timesteps, a torch.cos/torch.sin embedding through a bias-free nn.Linear added to
the input projection, nn.SiLU, a weighted squared error written with F.mse_loss on sqrt(w)-scaled
tensors, clip_grad_norm_ and torch.optim.RMSprop."""

import math

import torch
import torch.nn.functional as F
from torch import nn

T, EMB, HIDDEN = 100, 8, 32
HALF = EMB // 2
S, GAMMA = 0.008, 5.0
LR, ALPHA, MAX_NORM = 0.005, 0.9, 0.15

_f = torch.cos((torch.arange(T + 1, dtype=torch.float64) / T + S) / (1.0 + S) * math.pi / 2.0) ** 2
alphas_cumprod = (_f[1:] / _f[0]).clamp(1e-5, 1.0)
snr = alphas_cumprod / (1.0 - alphas_cumprod)
loss_weights = snr.clamp(max=GAMMA) / (snr + 1.0)


def timestep_embedding(t):
    freqs = torch.exp(-math.log(10000.0) * torch.arange(HALF, dtype=torch.float64) / HALF)
    args = t[:, None].double() * freqs[None, :]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=1)


class VPredDiffusion(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp = nn.Linear(2, HIDDEN)
        self.time = nn.Linear(EMB, HIDDEN, bias=False)
        self.hidden = nn.Linear(HIDDEN, HIDDEN)
        self.out = nn.Linear(HIDDEN, 2)
        self.act = nn.SiLU()

    def forward(self, x_t, t):
        temb = timestep_embedding(t).to(x_t.dtype)
        h = self.act(self.inp(x_t) + self.time(temb))
        h = self.act(self.hidden(h))
        return self.out(h)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA)


def train_step(model, optimizer, X, y):
    x0, t = X[:, :2], X[:, 2].long()
    ab = alphas_cumprod[t].unsqueeze(1).to(X.dtype)
    w = loss_weights[t].unsqueeze(1).to(X.dtype)
    x_t = ab.sqrt() * x0 + (1.0 - ab).sqrt() * y
    v = ab.sqrt() * y - (1.0 - ab).sqrt() * x0
    optimizer.zero_grad()
    loss = F.mse_loss(w.sqrt() * model(x_t, t), w.sqrt() * v)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
