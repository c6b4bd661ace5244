"""seg2d again as a functional PyTorch port: raw nn.Parameters, F.conv2d, the 2x2 stride-2
transposed convolution written as an einsum plus a reshape, a Dice loss module, and the L2
weight decay of torch.optim.Adam(weight_decay=1e-3)."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SoftDice(nn.Module):
    def __init__(self, smooth=1.0):
        super().__init__()
        self.smooth = smooth

    def forward(self, logits, target):
        p = torch.sigmoid(logits).flatten(1)
        t = target.flatten(1)
        num = 2 * torch.einsum("nk,nk->n", p, t) + self.smooth
        den = p.sum(1) + t.sum(1) + self.smooth
        return torch.mean(1 - num / den)


class FunctionalUNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.w_enc = nn.Parameter(torch.randn(4, 1, 3, 3) * 0.3)
        self.b_enc = nn.Parameter(torch.zeros(4))
        self.w_down = nn.Parameter(torch.randn(8, 4, 3, 3) * 0.2)
        self.b_down = nn.Parameter(torch.zeros(8))
        self.w_up = nn.Parameter(torch.randn(8, 4, 2, 2) * 0.3)
        self.b_up = nn.Parameter(torch.zeros(4))
        self.w_out = nn.Parameter(torch.randn(1, 8, 1, 1) * 0.3)
        self.b_out = nn.Parameter(torch.zeros(1))

    def upconv(self, x):
        n, _, h, w = x.shape
        y = torch.einsum("nchw,cdae->ndhawe", x, self.w_up).reshape(n, -1, 2 * h, 2 * w)
        return y + self.b_up.view(1, -1, 1, 1)

    def forward(self, x):
        e1 = F.conv2d(x, self.w_enc, self.b_enc, padding=1).clamp_min(0)
        e2 = F.conv2d(e1, self.w_down, self.b_down, stride=2, padding=1).clamp_min(0)
        u = self.upconv(e2).clamp_min(0)
        return F.conv2d(torch.cat((u, e1), 1), self.w_out, self.b_out)


criterion = SoftDice()


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
