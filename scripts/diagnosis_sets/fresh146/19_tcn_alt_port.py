"""Another PyTorch port of tcn_numpy.py (correct): symmetric padding cut back to causal.

Each dilated conv is nn.Conv1d(padding=(k - 1) * d), which pads both ends, and the last
(k - 1) * d outputs (those that saw the right padding) are sliced off, so output t still sees
only inputs <= t. The residual blocks live in an nn.ModuleList; the loss is written out as
((out - y) ** 2).mean(); torch.optim.SGD(lr=0.05, momentum=0.9, nesterov=True).
"""

import torch
import torch.nn as nn


class CausalConv1d(nn.Conv1d):
    def __init__(self, cin, cout, kernel_size, dilation=1):
        self.cut = (kernel_size - 1) * dilation
        super().__init__(cin, cout, kernel_size, padding=self.cut, dilation=dilation)

    def forward(self, x):
        out = super().forward(x)
        return out[..., :-self.cut] if self.cut else out


class TCN(nn.Module):
    def __init__(self, channels=4, kernel_size=2):
        super().__init__()
        self.inp = CausalConv1d(1, channels, kernel_size, dilation=1)
        self.blocks = nn.ModuleList([CausalConv1d(channels, channels, kernel_size, dilation=d) for d in (2, 4)])
        self.head = nn.Conv1d(channels, 1, kernel_size=1)

    def forward(self, X):
        h = torch.tanh(self.inp(X))
        for block in self.blocks:
            h = h + torch.tanh(block(h))
        return self.head(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
