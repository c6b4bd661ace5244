"""PyTorch port of resbn_numpy.py: a small residual conv net with BatchNorm2d.

    stem  : Conv2d(2, 4, 3, padding=1, bias=False) -> BatchNorm2d(4) -> ReLU
    block : Conv2d(4, 8, 3, stride=2, padding=1, bias=False) -> BatchNorm2d(8) -> ReLU
            -> Conv2d(8, 8, 3, padding=1, bias=False) -> BatchNorm2d(8)
            shortcut: Conv2d(4, 8, 1, stride=2, bias=False) -> BatchNorm2d(8)
            add -> ReLU
    head  : mean over H, W -> Linear(8, 3); F.cross_entropy (mean)

torch.optim.SGD(lr=0.1, momentum=0.9, nesterov=True) with two parameter groups: weight
decay 1e-2 for the conv kernels and the linear weight (ndim > 1), none for BN parameters
and the bias. LambdaLR: linear warmup over 5 steps then cosine to 0 at step 20.

NumPy pairs: params['stem_k'] = stem.weight.permute(2,3,1,0) (and c1_k, c2_k, sc_k alike),
stem_g/stem_b = bn0.weight/bn0.bias, ..., fc_W = fc.weight.T, fc_b = fc.bias.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class ResBNNet(nn.Module):
    def __init__(self, cin=2, c0=4, c1=8, classes=3):
        super().__init__()
        self.stem = nn.Conv2d(cin, c0, 3, stride=1, padding=1, bias=False)
        self.bn0 = nn.BatchNorm2d(c0)
        self.conv1 = nn.Conv2d(c0, c1, 3, stride=2, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(c1)
        self.conv2 = nn.Conv2d(c1, c1, 3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(c1)
        self.shortcut = nn.Conv2d(c0, c1, 1, stride=2, bias=False)
        self.bns = nn.BatchNorm2d(c1)
        self.fc = nn.Linear(c1, classes)

    def forward(self, x):
        h0 = F.relu(self.bn0(self.stem(x)))
        out = F.relu(self.bn1(self.conv1(h0)))
        out = self.bn2(self.conv2(out))
        out = F.relu(out + self.bns(self.shortcut(h0)))
        return self.fc(out.mean(dim=(2, 3)))


def warmup_cosine(warmup, total):
    def f(step):
        if step < warmup:
            return (step + 1) / warmup
        progress = (step - warmup) / (total - warmup)
        return 0.5 * (1.0 + math.cos(math.pi * progress))
    return f


def make_optimizer(model, lr=0.1, momentum=0.9, weight_decay=1e-2, warmup=5, total_steps=20):
    decay = [p for p in model.parameters() if p.ndim > 1]
    no_decay = [p for p in model.parameters() if p.ndim <= 1]
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum, nesterov=True,
                                weight_decay=weight_decay)
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, warmup_cosine(warmup, total_steps))
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    model.train()
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
