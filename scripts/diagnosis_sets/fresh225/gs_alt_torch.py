"""Another PyTorch port of gs_numpy.py: raw parameters and functional ops.

F.conv1d with groups=3, stride 2, padding 1 on a (12, 2, 3) weight; group norm written out
(view into 4 groups, mean, var(unbiased=False)); GELU by its tanh formula; the pointwise conv
as an einsum with a (8, 12) weight; the head as a (8,) weight vector and a scalar-like bias;
loss ((pred - y) ** 2).mean().
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class GroupedRegressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_w = nn.Parameter(torch.randn(12, 2, 3) * 0.5)
        self.gn_w = nn.Parameter(torch.ones(12))
        self.gn_b = nn.Parameter(torch.zeros(12))
        self.pw_w = nn.Parameter(torch.randn(8, 12) * 0.4)
        self.pw_b = nn.Parameter(torch.zeros(8))
        self.head_w = nn.Parameter(torch.randn(8) * 0.3)
        self.head_b = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        z = F.conv1d(x, self.conv_w, stride=2, padding=1, groups=3)
        N, C, L = z.shape
        zg = z.view(N, 4, -1)
        mu = zg.mean(-1, keepdim=True)
        var = zg.var(-1, unbiased=False, keepdim=True)
        u = ((zg - mu) * torch.rsqrt(var + 1e-5)).view(N, C, L)
        u = u * self.gn_w.view(1, C, 1) + self.gn_b.view(1, C, 1)
        a = 0.5 * u * (1 + torch.tanh(math.sqrt(2 / math.pi) * (u + 0.044715 * u.pow(3))))
        q = torch.einsum("oc,ncl->nol", self.pw_w, a) + self.pw_b[:, None]
        f = q.clamp(min=0).mean(2)
        return f @ self.head_w + self.head_b


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
