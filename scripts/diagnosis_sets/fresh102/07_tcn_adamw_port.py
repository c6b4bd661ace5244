"""CausalTCN in PyTorch: three nn.Conv1d layers built with padding=(K - 1) * dilation and the
extra outputs chomped off the right end (the TCN "Chomp1d"), ReLU then two tanh residual blocks,
nn.Linear head on the last time step; MSE loss, clip_grad_norm_, torch.optim.Adam with
CosineAnnealingLR."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR

L, C = 16, 6
LR = 0.01
MAX_NORM, T_MAX, ETA_MIN = 1.0, 20, 1e-4


class CausalConv(nn.Module):
    def __init__(self, cin, cout, k, dilation):
        super().__init__()
        self.pad = (k - 1) * dilation
        self.conv = nn.Conv1d(cin, cout, k, dilation=dilation, padding=self.pad)

    def forward(self, x):
        return self.conv(x)[:, :, :-self.pad]


class CausalTCN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = CausalConv(1, C, 3, 1)
        self.conv2 = CausalConv(C, C, 2, 2)
        self.conv3 = CausalConv(C, C, 2, 4)
        self.head = nn.Linear(C, 1)

    def forward(self, X):
        x = X.unsqueeze(1)
        a1 = torch.relu(self.conv1(x))
        a2 = a1 + torch.tanh(self.conv2(a1))
        a3 = a2 + torch.tanh(self.conv3(a2))
        return self.head(a3[:, :, -1])


def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR)  # fix: optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    scheduler = CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=ETA_MIN)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
