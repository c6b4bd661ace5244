"""The FCOS-style head ported another way: an nn.Sequential trunk and an nn.ModuleDict of heads,
the predicted and target boxes turned back into corners around the location and their IoU taken
with torch.maximum / torch.minimum and clamp(min=0) (the torchvision way), the IoU-aware
cross-entropy written as softplus(z) - q z on the masked rows with the IoU target computed under
torch.no_grad(), and the global-norm clipping written out by hand with torch.linalg.vector_norm."""

import torch
import torch.nn.functional as F
from torch import nn

N_FEAT, HIDDEN = 6, 12
SCALE, BOX_W = 0.25, 2.0
LR, MAX_NORM = 0.2, 0.5


class CornerHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(N_FEAT, HIDDEN), nn.ReLU())
        self.heads = nn.ModuleDict({"score": nn.Linear(HIDDEN, 1), "ltrb": nn.Linear(HIDDEN, 4)})

    def forward(self, feat):
        h = self.trunk(feat)
        return self.heads["score"](h)[:, 0], self.heads["ltrb"](h).exp() * SCALE


def corners(points, ltrb):
    return torch.cat([points - ltrb[:, :2], points + ltrb[:, 2:]], dim=1)


def box_iou_pairs(a, b):
    lo = torch.maximum(a[:, :2], b[:, :2])
    hi = torch.minimum(a[:, 2:], b[:, 2:])
    inter = (hi - lo).clamp(min=0).prod(dim=1)
    area_a = (a[:, 2:] - a[:, :2]).prod(dim=1)
    area_b = (b[:, 2:] - b[:, :2]).prod(dim=1)
    return inter / (area_a + area_b - inter)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    points = X[:, N_FEAT:]
    pos = y[:, 0] > 0.5
    sampled = y[:, 0] > -0.5
    npos = pos.sum().clamp(min=1).item()

    for p in model.parameters():
        p.grad = None
    score, ltrb = model(X[:, :N_FEAT])
    iou = box_iou_pairs(corners(points[pos], ltrb[pos]), y[pos, 1:])
    with torch.no_grad():
        quality = torch.zeros_like(score).index_put((pos.nonzero()[:, 0],), iou)
    z = score[sampled]
    cls_loss = (F.softplus(z) - quality[sampled] * z).sum() / npos
    box_loss = (1.0 - iou).sum() / npos
    loss = cls_loss + BOX_W * box_loss
    loss.backward()

    grads = [p.grad for p in model.parameters()]
    total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
    scale = (MAX_NORM / (total + 1e-6)).clamp(max=1.0)
    for g in grads:
        g.mul_(scale)
    optimizer.step()
    return loss.item()
