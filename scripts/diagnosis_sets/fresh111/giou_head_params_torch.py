"""The GIoU head of giou_head_torch.py written another way: raw weights (in, out) in an
nn.ParameterDict used as torch.addmm(b, x, W); the focal loss from F.logsigmoid (p_t = exp(-ce));
the offsets decoded on (x, y) pairs with torch.cat; the GIoU loss written from the unbound
coordinates as 1 - IoU + (C - U) / C; the global-norm clipping written by hand under no_grad;
torch.optim.Adam(foreach=False)."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN, OUT = 10, 12, 5
LR = 0.01
ALPHA, GAMMA, BOX_WEIGHT, MAX_NORM = 0.25, 2.0, 2.0, 0.5


class GIoUHeadP(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ParameterDict({
            "W1": nn.Parameter(torch.randn(D, HIDDEN) / D ** 0.5),
            "b1": nn.Parameter(torch.zeros(HIDDEN)),
            "W2": nn.Parameter(0.1 * torch.randn(HIDDEN, OUT)),
            "b2": nn.Parameter(torch.zeros(OUT)),
        })

    def forward(self, X):
        p = self.layers
        h = torch.tanh(torch.addmm(p["b1"], X, p["W1"]))
        return torch.addmm(p["b2"], h, p["W2"])


def focal(logits, t):
    ce = -(t * F.logsigmoid(logits) + (1 - t) * F.logsigmoid(-logits))
    p_t = torch.exp(-ce)
    weight = torch.where(t > 0, torch.full_like(t, ALPHA), torch.full_like(t, 1 - ALPHA))
    return weight * (1 - p_t).pow(GAMMA) * ce


def giou_loss(boxes, gt):
    px1, py1, px2, py2 = boxes.unbind(1)
    gx1, gy1, gx2, gy2 = gt.unbind(1)
    iw = (torch.minimum(px2, gx2) - torch.maximum(px1, gx1)).clamp(min=0)
    ih = (torch.minimum(py2, gy2) - torch.maximum(py1, gy1)).clamp(min=0)
    inter = iw * ih
    union = (px2 - px1) * (py2 - py1) + (gx2 - gx1) * (gy2 - gy1) - inter
    enclose = (torch.maximum(px2, gx2) - torch.minimum(px1, gx1)) * (torch.maximum(py2, gy2) - torch.minimum(py1, gy1))
    return 1 - inter / union + (enclose - union) / enclose


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, foreach=False)


def train_step(model, optimizer, X, y):
    pos, anchors, gt = y[:, 0], y[:, 1:5], y[:, 5:9]
    optimizer.zero_grad()
    out = model(X)
    npos = torch.clamp(pos.sum(), min=1.0)
    wh = anchors[:, 2:] - anchors[:, :2]
    ctr = anchors[:, :2] + 0.5 * wh
    pctr = ctr + out[:, 1:3] * wh
    pwh = wh * torch.exp(out[:, 3:5])
    boxes = torch.cat([pctr - 0.5 * pwh, pctr + 0.5 * pwh], dim=1)
    loss = focal(out[:, 0], pos).sum() / npos + BOX_WEIGHT * (pos * giou_loss(boxes, gt)).sum() / npos
    loss.backward()
    with torch.no_grad():
        grads = [q.grad for q in model.parameters()]
        total = torch.linalg.vector_norm(torch.stack([torch.linalg.vector_norm(g) for g in grads]))
        coef = torch.clamp(MAX_NORM / (total + 1e-6), max=1.0)
        for g in grads:
            g.mul_(coef)
    optimizer.step()
    return loss.item()
