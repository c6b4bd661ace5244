"""RawNet in PyTorch: nn.Conv1d(1, 6, 8, stride=4) over the signal, nn.LayerNorm(6) over the
channels of each frame (transposed to (N, L, C)), F.gelu(approximate='tanh'), max over the frames,
nn.Linear(6, 3); F.cross_entropy; SGD(momentum=0.9, nesterov=True, weight_decay=5e-4) with
clip_grad_norm_(0.5) and OneCycleLR(max_lr=0.1, total_steps=40, pct_start=0.25,
cycle_momentum=False)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import OneCycleLR

LENGTH, CH, KSIZE, STRIDE, CLASSES = 64, 6, 8, 4, 3
LN_EPS = 1e-5
MAX_LR, DIV, FINAL_DIV, PCT, TOTAL = 0.1, 25.0, 1e4, 0.25, 40
MOMENTUM, WD, MAX_NORM = 0.9, 5e-4, 0.5


class RawNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(1, CH, KSIZE, stride=STRIDE)
        self.norm = nn.LayerNorm(CH, eps=LN_EPS)
        self.fc = nn.Linear(CH, CLASSES)

    def forward(self, X):
        z = self.conv(X.unsqueeze(1))                # (N, C, L)
        a = self.norm(z.transpose(1, 2))  # (N, L, C)
        h = F.gelu(a, approximate="tanh")
        pooled = h.max(dim=1).values
        return self.fc(pooled)


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=MAX_LR, momentum=MOMENTUM, nesterov=True,
                                weight_decay=WD)
    scheduler = OneCycleLR(optimizer, max_lr=MAX_LR, total_steps=TOTAL, pct_start=PCT,
                           anneal_strategy="cos", cycle_momentum=False, div_factor=DIV,
                           final_div_factor=FINAL_DIV)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_value_(model.parameters(), MAX_NORM)  # fix: torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
