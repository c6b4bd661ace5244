"""PyTorch port of causal_conv_numpy.py: masked causal 1-D convolutions, next-value prediction.

MaskedConv1d (nn.Conv1d whose kernel taps after the centre are zeroed by a mask buffer,
same padding on both sides), tanh, a 1x1 nn.Conv1d head; F.mse_loss; torch.optim.SGD.

Parameters, with the NumPy names they correspond to:
    conv1.weight (8, 1, 5) = K1, conv1.bias = c1, conv2.weight (8, 8, 3) = K2, conv2.bias = c2,
    head.weight (1, 8, 1) -> V (8,) by reshape, head.bias (1,) = c
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class MaskedConv1d(nn.Conv1d):
    def __init__(self, in_channels, out_channels, kernel_size):
        super().__init__(in_channels, out_channels, kernel_size, padding=kernel_size // 2)
        mask = torch.zeros_like(self.weight)
        mask[:, :, : kernel_size // 2 + 1] = 1.0
        self.register_buffer("mask", mask)

    def forward(self, x):
        return F.conv1d(x, self.weight * self.mask, self.bias, padding=self.padding)


class CausalConv(nn.Module):
    def __init__(self, channels=8):
        super().__init__()
        self.conv1 = MaskedConv1d(1, channels, 5)
        self.conv2 = MaskedConv1d(channels, channels, 3)
        self.head = nn.Conv1d(channels, 1, 1)

    def forward(self, X):
        h = torch.tanh(self.conv1(X.unsqueeze(1)))
        h = torch.tanh(self.conv2(h))
        return self.head(h).squeeze(1)


def make_optimizer(model, lr=0.1):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
