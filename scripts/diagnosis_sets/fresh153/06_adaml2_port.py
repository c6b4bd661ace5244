"""PyTorch port of resplain_numpy.py: a residual conv net without normalisation, AdamW.

    stem  : Conv2d(1, 4, 3, padding=1) -> ReLU
    block : Conv2d(4, 6, 3, stride=2, padding=1) -> ReLU -> Conv2d(6, 6, 3, padding=1)
            shortcut: Conv2d(4, 6, 1, stride=2); add -> ReLU
    head  : AdaptiveAvgPool2d(1) -> flatten -> Linear(6, 3); nn.CrossEntropyLoss (mean)

torch.optim.AdamW(lr=0.01, betas=(0.9, 0.999), eps=1e-8) with weight decay 0.1 on the weights
(names ending in 'weight') and 0 on the biases; LambdaLR warmup (4 steps) then cosine to 0.1.

NumPy pairs (layouts as torch keeps them): Ws = stem.weight, bs = stem.bias, W1 = conv1.weight,
b1 = conv1.bias, W2 = conv2.weight, b2 = conv2.bias, Wp = proj.weight, bp = proj.bias,
Wf = fc.weight, bf = fc.bias.
"""

import math

import torch
import torch.nn as nn


class ResNetPlain(nn.Module):
    def __init__(self, cin=1, c0=4, c1=6, classes=3):
        super().__init__()
        self.stem = nn.Conv2d(cin, c0, kernel_size=3, stride=1, padding=1)
        self.conv1 = nn.Conv2d(c0, c1, kernel_size=3, stride=2, padding=1)
        self.conv2 = nn.Conv2d(c1, c1, kernel_size=3, stride=1, padding=1)
        self.proj = nn.Conv2d(c0, c1, kernel_size=1, stride=2)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(c1, classes)
        self.relu = nn.ReLU()

    def forward(self, x):
        h0 = self.relu(self.stem(x))
        out = self.relu(self.conv1(h0))
        out = self.conv2(out)
        out = self.relu(out + self.proj(h0))
        return self.fc(torch.flatten(self.pool(out), 1))


criterion = nn.CrossEntropyLoss()


def make_optimizer(model, lr=0.01, weight_decay=0.1, warmup=4, total_steps=20, min_ratio=0.1):
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        (no_decay if name.endswith("bias") else decay).append(p)
    optimizer = torch.optim.Adam([{"params": decay, "weight_decay": weight_decay},
                                   {"params": no_decay, "weight_decay": 0.0}],
                                  lr=lr, betas=(0.9, 0.999), eps=1e-8)

    def lr_lambda(step):
        if step < warmup:
            return (step + 1) / warmup
        progress = (step - warmup) / (total_steps - warmup)
        return min_ratio + (1 - min_ratio) * 0.5 * (1 + math.cos(math.pi * progress))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda)
    return optimizer, scheduler


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()
