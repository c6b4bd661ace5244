"""PyTorch port of down_numpy.py (a downsampling residual block with a 1x1 projection shortcut).

The NumPy program flattens channels-last maps, so the port permutes its NCHW features to NHWC
before flattening: fc.weight then equals Wd.T. Conv kernels: conv.weight.permute(2, 3, 1, 0)
is the NumPy (kh, kw, cin, cout) kernel.

SGD(lr=0.05, momentum=0.9) with weight decay 5e-3 on the weights only (a second param group
for the biases), LinearLR warm-up (start_factor 0.1, 4 steps) then CosineAnnealingLR(T_max=26),
chained by SequentialLR and stepped once per training step.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class DownBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv_a = nn.Conv2d(cin, cout, 3, stride=2, padding=1)
        self.conv_b = nn.Conv2d(cout, cout, 3, stride=1, padding=1)
        self.proj = nn.Conv2d(cin, cout, 1, stride=2, bias=False)

    def forward(self, x):
        out = self.conv_b(F.relu(self.conv_a(x)))
        return F.relu(out + self.proj(x))


class DownsampleNet(nn.Module):
    def __init__(self, in_ch=3, c0=4, c1=6, classes=3):
        super().__init__()
        self.stem = nn.Conv2d(in_ch, c0, 3, padding=1)
        self.block = DownBlock(c0, c1)
        self.pool = nn.AvgPool2d(2)
        self.fc = nn.Linear(4 * c1, classes)

    def forward(self, x):
        x = F.relu(self.stem(x))
        x = self.pool(self.block(x))                 # (N, C, 2, 2)
        x = x.permute(0, 2, 3, 1).flatten(1)         # the NumPy (i, j, c) order
        return self.fc(x)


def make_optimizer(model, lr=0.05, momentum=0.9, weight_decay=5e-3, warmup=4, T_max=26):
    decay = [p for n, p in model.named_parameters() if not n.endswith("bias")]
    no_decay = [p for n, p in model.named_parameters() if n.endswith("bias")]
    optimizer = torch.optim.SGD([{"params": decay, "weight_decay": weight_decay},
                                 {"params": no_decay, "weight_decay": 0.0}],
                                lr=lr, momentum=momentum)
    warm = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.1, total_iters=warmup)
    cosine = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=T_max)
    scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, [warm, cosine], milestones=[warmup])
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()


if __name__ == "__main__":
    d = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "down.npz"))
    X, y = torch.from_numpy(d["X"]), torch.from_numpy(d["y"])
    model = DownsampleNet()
    opt, sched = make_optimizer(model)
    for i in range(30):
        l = train_step(model, opt, X, y, sched)
        if i % 5 == 0 or i == 29:
            print(i, l)
