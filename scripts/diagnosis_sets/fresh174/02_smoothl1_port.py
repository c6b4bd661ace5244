"""PyTorch port of mt2_numpy.py: a two-head multi-task MLP.

trunk1 (10->32) + ReLU, trunk2 (32->16) + tanh; cls_head (16->4) logits with weighted
F.cross_entropy; reg_head (16->1) with F.huber_loss (delta 1.5). loss = ce + 0.5 * huber.
SGD(lr 0.05, momentum 0.9), clip_grad_norm_(max_norm 0.5) before the step.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

LAM = 0.5
MAX_NORM = 0.5
DELTA = 1.5


class MultiTaskNet(nn.Module):
    def __init__(self, n_in=10, h1=32, h2=16, n_classes=4):
        super().__init__()
        self.trunk1 = nn.Linear(n_in, h1)
        self.trunk2 = nn.Linear(h1, h2)
        self.cls_head = nn.Linear(h2, n_classes)
        self.reg_head = nn.Linear(h2, 1)
        self.register_buffer("class_weights", torch.tensor([1.0, 2.0, 0.5, 1.5]))

    def forward(self, X):
        h = torch.tanh(self.trunk2(F.relu(self.trunk1(X))))
        return self.cls_head(h), self.reg_head(h).squeeze(1)

    def compute_loss(self, X, y):
        logits, pred = self(X)
        cls = y[:, 0].long()
        ce = F.cross_entropy(logits, cls, weight=self.class_weights.to(logits.dtype))
        hub = F.smooth_l1_loss(pred, y[:, 1], beta=DELTA)
        return ce + LAM * hub


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = model.compute_loss(X, y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
