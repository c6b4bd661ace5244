"""Another PyTorch port of res_numpy.py: raw nn.Parameters kept in the NumPy layouts.

No nn.Conv1d / nn.Linear: each block holds its kernels as (tap, in, out) tensors and applies
the dilated causal convolution with F.conv1d(left-padded input, w.permute(2, 1, 0), dilation=d);
the 1x1 layers are matrix products on the channel-last sequence (x @ W + b). Loss written out as
((out - y) ** 2).mean(); SGD with Nesterov momentum from torch.optim.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


def _p(*shape, std=0.1):
    return nn.Parameter(torch.randn(*shape) * std)


class GatedBlock(nn.Module):
    def __init__(self, ch, skip_ch, dilation, k=3, residual=True):
        super().__init__()
        self.d, self.k = dilation, k
        self.wf, self.bf = _p(k, ch, ch), _p(ch)
        self.wg, self.bg = _p(k, ch, ch), _p(ch)
        self.ws, self.bs = _p(ch, skip_ch), _p(skip_ch)
        self.residual = residual
        if residual:
            self.wr, self.br = _p(ch, ch), _p(ch)

    def forward(self, x):                                   # (N, T, C)
        xp = F.pad(x.transpose(1, 2), (self.d * (self.k - 1), 0))
        f = F.conv1d(xp, self.wf.permute(2, 1, 0), self.bf, dilation=self.d)
        g = F.conv1d(xp, self.wg.permute(2, 1, 0), self.bg, dilation=self.d)
        z = (torch.tanh(f) * torch.sigmoid(g)).transpose(1, 2)
        skip = z @ self.ws + self.bs
        if self.residual:
            x = x + (z @ self.wr + self.br)
        return x, skip


class ResWaveNet(nn.Module):
    def __init__(self, in_ch=3, ch=8, skip_ch=8, hidden=8, dilations=(1, 2, 4)):
        super().__init__()
        self.w_in, self.b_in = _p(in_ch, ch), _p(ch)
        self.blocks = nn.ModuleList(GatedBlock(ch, skip_ch, d, residual=i < len(dilations) - 1)
                                    for i, d in enumerate(dilations))
        self.w1, self.b1 = _p(skip_ch, hidden), _p(hidden)
        self.wo, self.bo = _p(hidden, 1), _p(1)

    def forward(self, X):
        x = X.permute(0, 2, 1) @ self.w_in + self.b_in
        total = torch.zeros(())
        for blk in self.blocks:
            x, s = blk(x)
            total = total + s
        h = torch.relu(torch.relu(total) @ self.w1 + self.b1)
        return (h @ self.wo + self.bo).permute(0, 2, 1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return float(loss)
