"""The PyTorch port of xor_net.py."""

import torch
from torch import nn


class XorPort(nn.Module):
    def __init__(self, inputs=3, hidden=4, outputs=1):
        super().__init__()
        self.hidden = nn.Linear(inputs, hidden)
        self.out = nn.Linear(hidden, outputs)

    def forward(self, x):
        return torch.sigmoid(self.out(torch.sigmoid(self.hidden(x))))
