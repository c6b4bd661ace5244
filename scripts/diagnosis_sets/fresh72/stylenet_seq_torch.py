"""Fast style transfer in PyTorch, written another way: the generator an nn.Sequential, the
fixed extractor a module of its own with its kernels as buffers, the Gram matrix with
torch.einsum and one shared normaliser, the losses written out as means of squares, the
L1 total variation by slicing, and torch.optim.SGD(momentum, foreach=False) on the generator's
parameters. The same model and loss as stylenet_numpy.py."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

_DATA = np.load(Path(__file__).with_name("photos.npz"))
CONTENT_W, STYLE_W, TV_W = 1.0, (20.0, 40.0), 0.05


class FixedExtractor(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("k1", torch.tensor(_DATA["K1"]))
        self.register_buffer("b1", torch.tensor(_DATA["c1"]))
        self.register_buffer("k2", torch.tensor(_DATA["K2"]))
        self.register_buffer("b2", torch.tensor(_DATA["c2"]))

    def forward(self, x):
        relu1 = torch.clamp(F.conv2d(x, self.k1, self.b1, padding=1), min=0)
        pooled = F.avg_pool2d(relu1, kernel_size=2, stride=2)
        relu2 = torch.clamp(F.conv2d(pooled, self.k2, self.b2, padding=1), min=0)
        return relu1, relu2


def gram_matrix(f):
    return torch.einsum("nchw,ndhw->ncd", f, f) / f[0].numel()


class StyleNetSeq(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 3, 3, padding=1))
        self.vgg = FixedExtractor()
        self.register_buffer("stripes", torch.tensor(_DATA["styles"][0:1]))

    def forward(self, x):
        return x + self.body(x)


def make_optimizer(model):
    return torch.optim.SGD(model.body.parameters(), lr=0.01, momentum=0.9, foreach=False)


def train_step(model, optimizer, X, y):
    X = X.type_as(model.stripes)
    out = model(X)
    f_out = model.vgg(out)
    f_in = [f.detach() for f in model.vgg(X)]
    f_style = [f.detach() for f in model.vgg(model.stripes)]

    loss = CONTENT_W * (f_out[0] - f_in[0]).square().mean()
    for weight, f, s in zip(STYLE_W, f_out, f_style):
        loss = loss + weight * (gram_matrix(f) - gram_matrix(s)).square().mean()
    tv = (out[..., 1:, :] - out[..., :-1, :]).abs().mean() + (out[..., :, 1:] - out[..., :, :-1]).abs().mean()
    loss = loss + TV_W * tv

    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    return float(loss.detach())
