"""FCOS-style head in PyTorch: nn.Linear + ReLU trunk, a classification nn.Linear and a distance
nn.Linear (l, t, r, b) = SCALE * exp(.); IoU loss over the positives, IoU-aware BCEWithLogits
(the positive's target the detached IoU) over the sampled locations, both summed and divided by
the number of positives; clip_grad_norm_ then SGD."""

import torch
import torch.nn.functional as F
from torch import nn

N_FEAT, HIDDEN = 6, 12
SCALE, BOX_W = 0.25, 2.0
LR, MAX_NORM = 0.2, 0.5


class LTRBHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(N_FEAT, HIDDEN)
        self.cls = nn.Linear(HIDDEN, 1)
        self.box = nn.Linear(HIDDEN, 4)

    def forward(self, feat):
        h = torch.relu(self.trunk(feat))
        return self.cls(h).squeeze(1), SCALE * torch.exp(self.box(h))


def iou_ltrb(pred, target):
    area_p = (pred[:, 0] + pred[:, 2]) * (pred[:, 1] + pred[:, 3])
    area_g = (target[:, 0] + target[:, 2]) * (target[:, 1] + target[:, 3])
    wi = torch.min(pred[:, 0], target[:, 0]) + torch.min(pred[:, 2], target[:, 2])
    hi = torch.min(pred[:, 1], target[:, 1]) + torch.min(pred[:, 3], target[:, 3])
    inter = wi * hi
    return inter / (area_p + area_g - inter)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    feat, px, py = X[:, :N_FEAT], X[:, N_FEAT], X[:, N_FEAT + 1]
    labels, box = y[:, 0], y[:, 1:]
    pos = labels == 1
    keep = labels >= 0
    num_pos = max(int(pos.sum()), 1)
    target = torch.stack([px - box[:, 0], py - box[:, 1], box[:, 2] - px, box[:, 3] - py], dim=1)

    optimizer.zero_grad()
    logits, dist = model(feat)
    iou = iou_ltrb(dist[pos], target[pos])
    box_loss = (1.0 - iou).sum() / num_pos
    q = torch.zeros_like(logits)
    q[pos] = iou.detach()
    cls_loss = F.binary_cross_entropy_with_logits(logits[keep], q[keep], reduction="sum") / num_pos
    loss = cls_loss + BOX_W * box_loss
    loss.backward()
    torch.nn.utils.clip_grad_value_(model.parameters(), MAX_NORM)  # fix: torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
