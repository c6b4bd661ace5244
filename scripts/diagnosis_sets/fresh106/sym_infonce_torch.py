"""SymInfoNCE in PyTorch: an nn.Linear + ReLU encoder and an nn.Linear projection head shared by
both views, F.normalize, logits = u_A @ u_B.T / TEMP, the mean of F.cross_entropy over the rows
and over the columns (logits.T) with torch.arange targets; torch.optim.AdamW with two parameter
groups (weight decay on the weights, none on the biases) and CosineAnnealingLR down to LR_MIN."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR

D, H, E = 6, 16, 8
TEMP = 0.2
LR, LR_MIN, TOTAL = 0.01, 0.001, 40
BETA1, BETA2, EPS, WD = 0.9, 0.999, 1e-8, 0.05


class SymInfoNCE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Linear(D, H)
        self.head = nn.Linear(H, E)

    def forward(self, x):
        z = self.head(torch.relu(self.enc(x)))
        return F.normalize(z, dim=1)


def make_optimizer(model):
    groups = [
        {"params": [model.enc.weight, model.head.weight], "weight_decay": WD},
        {"params": [model.enc.bias, model.head.bias], "weight_decay": 0.0},
    ]
    optimizer = torch.optim.AdamW(groups, lr=LR, betas=(BETA1, BETA2), eps=EPS)
    scheduler = CosineAnnealingLR(optimizer, T_max=TOTAL, eta_min=LR_MIN)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    xa, xb = X[:, :D], X[:, D:]
    optimizer.zero_grad()
    ua, ub = model(xa), model(xb)
    logits = ua @ ub.T / TEMP
    labels = torch.arange(X.shape[0])
    loss = 0.5 * (F.cross_entropy(logits, labels) + F.cross_entropy(logits.T, labels))
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
