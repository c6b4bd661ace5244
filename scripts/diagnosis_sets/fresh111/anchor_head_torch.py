"""AnchorHead in PyTorch: nn.Linear(12, 16), ReLU, nn.Linear(16, 5) (objectness logit, then
dx, dy, dw, dh); F.binary_cross_entropy_with_logits weighted by the objectness weight over the
anchors that count, plus BOX_WEIGHT * F.smooth_l1_loss(beta=1/9) on the positives over the number of
positives; torch.optim.SGD(momentum, weight_decay) with a LambdaLR linear warm-up."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.optim.lr_scheduler import LambdaLR

D, HIDDEN, OUT = 12, 16, 5
LR, MOMENTUM, WD = 0.05, 0.9, 1e-3
WARMUP, WARMUP_FACTOR = 5, 1.0 / 3.0
BETA, BOX_WEIGHT = 1.0 / 9.0, 2.0


class AnchorHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(D, HIDDEN)
        self.head = nn.Linear(HIDDEN, OUT)

    def forward(self, X):
        return self.head(torch.relu(self.fc1(X)))


def warmup(it):
    if it >= WARMUP:
        return 1.0
    a = it / WARMUP
    return WARMUP_FACTOR * (1.0 - a) + a


def make_optimizer(model):
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)
    return optimizer, LambdaLR(optimizer, warmup)


def train_step(model, optimizer, X, y, scheduler=None):
    label, tgt, wobj = y[:, 0], y[:, 1:5], y[:, 5]
    optimizer.zero_grad()
    out = model(X)
    obj, deltas = out[:, 0], out[:, 1:5]
    bce = F.binary_cross_entropy_with_logits(obj, label, reduction="none")
    l_obj = (bce * wobj).sum() / wobj.sum().clamp(min=1)
    sl1 = F.smooth_l1_loss(deltas, tgt, beta=BETA, reduction="none")
    l_box = (sl1 * label[:, None]).sum() / label.sum().clamp(min=1)
    loss = l_obj + BOX_WEIGHT * l_box
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
