"""BoolPrunedNet in PyTorch: a MaskedLinear module with the mask as a registered buffer in
nn.Linear's (out, in) layout (mask.npz transposed), the effective weight weight * mask in forward
(autograd masks the raw weight's gradient)."""

from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

LR = 0.5


class MaskedLinear(nn.Linear):
    def __init__(self, n_in, n_out, mask_in_out):
        super().__init__(n_in, n_out)
        self.register_buffer("mask", torch.tensor(mask_in_out.T, dtype=torch.float32))

    def forward(self, x):
        return F.linear(x, self.weight * self.mask, self.bias)


class BoolPrunedNet(nn.Module):
    def __init__(self):
        super().__init__()
        mask = np.load(Path(__file__).with_name("mask.npz"))["mask"]
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = MaskedLinear(8, 8, mask)
        self.head = nn.Linear(8, 3)

    def forward(self, x):
        return self.head(torch.tanh(self.fc2(torch.tanh(self.fc1(x)))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
