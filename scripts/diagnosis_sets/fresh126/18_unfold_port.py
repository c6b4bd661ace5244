"""Correct variant of b_port.py: the same all-convolutional net with its own parameters.

Each convolution is an im2col by F.unfold and a matmul; the kernels are nn.Parameters
(cout, cin, 3, 3) named K1, K2 and the dense weight is kept (in, out) as W, so every
parameter pairs with b_numpy.py's as it is. torch.optim.SGD(lr=0.1) with zero_grad().
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv2d_unfold(x, K, bias, stride, padding):
    N, C, H, W = x.shape
    cout, _, kh, kw = K.shape
    oh = (H + 2 * padding - kh) // stride + 1
    ow = (W + 2 * padding - kw) // stride + 1
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)      # (N, C*kh*kw, oh*ow)
    out = K.reshape(cout, -1) @ cols + bias[:, None]                   # (N, cout, oh*ow)
    return out.reshape(N, cout, oh, ow)


class AllConvNet(nn.Module):
    def __init__(self, in_channels=3, c1=4, c2=6, classes=3):
        super().__init__()
        self.K1 = nn.Parameter(torch.randn(c1, in_channels, 3, 3) * 0.1)
        self.b1 = nn.Parameter(torch.zeros(c1))
        self.K2 = nn.Parameter(torch.randn(c2, c1, 3, 3) * 0.1)
        self.b2 = nn.Parameter(torch.zeros(c2))
        self.W = nn.Parameter(torch.randn(c2, classes) * 0.1)
        self.b = nn.Parameter(torch.zeros(classes))

    def forward(self, x):
        h = F.relu(conv2d_unfold(x, self.K1, self.b1, stride=1, padding=1))
        h = F.relu(conv2d_unfold(h, self.K2, self.b2, stride=2, padding=1))
        g = h.flatten(2).mean(dim=2)
        return g @ self.W + self.b


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
