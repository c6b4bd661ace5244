"""PyTorch port of causal_conv_numpy.py, written with explicit padding and a hand-written SGD step.

Both sides of the sequence are padded with F.pad and the masked kernels run with
F.conv1d(padding=0); the 1x1 head is an nn.Linear over the channels of each position
(channels last). The update is p -= lr * p.grad under torch.no_grad().

Parameters: conv1_weight (8, 1, 5) = K1, conv1_bias = c1, conv2_weight (8, 8, 3) = K2,
conv2_bias = c2, head.weight (1, 8) -> V (8,) by reshape, head.bias (1,) = c.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

LR = 0.1


class CausalConvManual(nn.Module):
    def __init__(self, channels=8):
        super().__init__()
        C = channels
        self.conv1_weight = nn.Parameter(torch.randn(C, 1, 5) * 0.3)
        self.conv1_bias = nn.Parameter(torch.zeros(C))
        self.conv2_weight = nn.Parameter(torch.randn(C, C, 3) * 0.3)
        self.conv2_bias = nn.Parameter(torch.zeros(C))
        self.head = nn.Linear(C, 1)
        self.register_buffer("mask1", torch.tensor([1.0, 1.0, 1.0, 0.0, 0.0]))
        self.register_buffer("mask2", torch.tensor([1.0, 1.0, 0.0]))

    def forward(self, X):
        x = F.pad(X.unsqueeze(1), (2, 2))
        h = torch.tanh(F.conv1d(x, self.conv1_weight * self.mask1, self.conv1_bias))
        h = torch.tanh(F.conv1d(F.pad(h, (1, 1)), self.conv2_weight * self.mask2, self.conv2_bias))
        return self.head(h.transpose(1, 2)).squeeze(-1)


def train_step(model, optimizer, X, y):
    for p in model.parameters():
        p.grad = None
    loss = ((model(X) - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        for p in model.parameters():
            p -= LR * p.grad
    return loss.item()
