"""PyTorch port of made_bin_numpy.py: MADE on binary vectors.

MaskedLinear layers (an nn.Linear whose weight is multiplied by a fixed 0/1 mask
buffer), ReLU, a masked direct connection without bias, and
F.binary_cross_entropy_with_logits summed over dims, averaged over the batch;
torch.optim.Adam.

Parameters, with the NumPy names they correspond to:
    fc1.weight (16, 8) = W1.T     fc1.bias (16,) = b1
    fc2.weight (8, 16) = W2.T     fc2.bias (8,)  = b2
    direct.weight (8, 8) = A.T
The masks in made_bin_masks.npz are (in, out), so each buffer holds mask.T.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))


class MaskedLinear(nn.Linear):
    def __init__(self, in_features, out_features, mask, bias=True):
        super().__init__(in_features, out_features, bias=bias)
        self.register_buffer("mask", torch.as_tensor(mask, dtype=torch.float32).T.contiguous())

    def forward(self, x):
        return F.linear(x, self.weight * self.mask, self.bias)


class MADE(nn.Module):
    def __init__(self, D=8, H=16):
        super().__init__()
        masks = np.load(os.path.join(HERE, "made_bin_masks.npz"))
        self.fc1 = MaskedLinear(D, H, masks["M1"])
        self.fc2 = MaskedLinear(H, D, masks["M2"])
        self.direct = MaskedLinear(D, D, masks["MA"], bias=False)

    def forward(self, x):
        h = F.relu(self.fc1(x))
        return self.fc2(h) + self.direct(x)


def make_optimizer(model, lr=1e-2):
    return torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.binary_cross_entropy_with_logits(logits, y, reduction="sum") / X.shape[0]
    loss.backward()
    optimizer.step()
    return loss.item()
