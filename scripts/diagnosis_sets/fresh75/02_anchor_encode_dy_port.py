"""Anchor (region-proposal) head in PyTorch: an nn.Linear + ReLU trunk, an objectness nn.Linear
and a box-delta nn.Linear; the ground truth encoded against the anchors, BCEWithLogits over the
sampled anchors, F.smooth_l1_loss(beta=1/9) over the positives divided by their number, SGD with
momentum and weight decay on the weights only (a bias parameter group with weight_decay 0)."""

import math

import torch
import torch.nn.functional as F
from torch import nn

N_FEAT, HIDDEN = 8, 16
BETA, REG_W = 1.0 / 9.0, 2.0
LR, MU, WD = 0.02, 0.9, 1e-3


def encode(anchors, gt):
    aw = anchors[:, 2] - anchors[:, 0]
    ah = anchors[:, 3] - anchors[:, 1]
    acx = anchors[:, 0] + 0.5 * aw
    acy = anchors[:, 1] + 0.5 * ah
    gw = gt[:, 2] - gt[:, 0]
    gh = gt[:, 3] - gt[:, 1]
    gcx = gt[:, 0] + 0.5 * gw
    gcy = gt[:, 1] + 0.5 * gh
    return torch.stack([(gcx - acx) / aw, (gcy - acy) / aw, torch.log(gw / aw), torch.log(gh / ah)], dim=1)  # fix: return torch.stack([(gcx - acx) / aw, (gcy - acy) / ah, torch.log(gw / aw), torch.log(gh / ah)], dim=1)


class AnchorHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(N_FEAT, HIDDEN)
        self.obj = nn.Linear(HIDDEN, 1)
        self.reg = nn.Linear(HIDDEN, 4)
        nn.init.constant_(self.obj.bias, -math.log(3.0))

    def forward(self, feat):
        h = torch.relu(self.trunk(feat))
        return self.obj(h).squeeze(1), self.reg(h)


def make_optimizer(model):
    weights = [model.trunk.weight, model.obj.weight, model.reg.weight]
    biases = [model.trunk.bias, model.obj.bias, model.reg.bias]
    return torch.optim.SGD([{"params": weights}, {"params": biases, "weight_decay": 0.0}],
                           lr=LR, momentum=MU, weight_decay=WD)


def train_step(model, optimizer, X, y):
    feat, anchors = X[:, :N_FEAT], X[:, N_FEAT:]
    labels, gt = y[:, 0], y[:, 1:]
    targets = encode(anchors, gt)
    keep = labels >= 0
    pos = labels == 1
    num_pos = max(int(pos.sum()), 1)

    optimizer.zero_grad()
    logits, deltas = model(feat)
    cls_loss = F.binary_cross_entropy_with_logits(logits[keep], labels[keep])
    reg_loss = F.smooth_l1_loss(deltas[pos], targets[pos], beta=BETA, reduction="sum") / num_pos
    loss = cls_loss + REG_W * reg_loss
    loss.backward()
    optimizer.step()
    return loss.item()
