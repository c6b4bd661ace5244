"""PyTorch port of res_numpy.py: WaveNet-style per-time-step regression.

The port keeps the sequence channels-last, (N, T, C), like the NumPy program, so every 1x1
convolution is an nn.Linear on the channel axis; only the dilated causal convolutions go through
nn.Conv1d (kernel 3, dilation d), on the (N, C, T) view left-padded with F.pad(x, (2d, 0)).

Parameters against res_numpy.py (kernels there are (tap, in, out), 1x1 weights (in, out)):
    inp.weight (8, 3)                = in.W.T
    blocks.i.conv_f.weight (8, 8, 3) = block{i}.Wf.transpose(2, 1, 0)   (conv_g likewise)
    blocks.i.res.weight (8, 8)       = block{i}.Wr.T   (blocks 0 and 1)
    blocks.i.skip.weight (8, 8)      = block{i}.Ws.T
    head1.weight (8, 8) = head.W1.T,  head2.weight (1, 8) = head.Wo.T
Training: F.mse_loss; torch.optim.SGD(lr=0.05, momentum=0.9, nesterov=True).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, channels, skip_channels, dilation, kernel=3, residual=True):
        super().__init__()
        self.pad = dilation * (kernel - 1)
        self.conv_f = nn.Conv1d(channels, channels, kernel, dilation=dilation)
        self.conv_g = nn.Conv1d(channels, channels, kernel, dilation=dilation)
        self.skip = nn.Linear(channels, skip_channels)
        self.res = nn.Linear(channels, channels) if residual else None

    def forward(self, x):                        # x: (N, T, C)
        xp = F.pad(x.transpose(1, 2), (self.pad, 0))
        z = torch.tanh(self.conv_f(xp)) * torch.sigmoid(self.conv_g(xp))
        z = z.transpose(1, 2)
        s = self.skip(z)
        if self.res is not None:
            x = x + self.res(z)
        return x, s


class ResWaveNet(nn.Module):
    def __init__(self, in_ch=3, res_ch=8, skip_ch=8, hidden=8, kernel=3, n_blocks=3):
        super().__init__()
        self.inp = nn.Linear(in_ch, res_ch)
        # dilations 1, 2, 4, ...: block i looks 2**i steps apart
        self.blocks = nn.ModuleList(
            Block(res_ch, skip_ch, 2 ** i, kernel, residual=(i < n_blocks - 1))
            for i in range(n_blocks))
        self.head1 = nn.Linear(skip_ch, hidden)
        self.head2 = nn.Linear(hidden, 1)

    def forward(self, X):                        # X: (N, C, T) -> (N, 1, T)
        x = self.inp(X.transpose(1, 2))
        skips = []
        for block in self.blocks:
            x, s = block(x)
            skips.append(s)
        h = F.relu(self.head1(F.relu(torch.stack(skips).sum(0))))
        return self.head2(h).transpose(1, 2)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    out = model(X)
    loss = F.mse_loss(out, y)
    loss.backward()
    optimizer.step()
    return loss.item()
