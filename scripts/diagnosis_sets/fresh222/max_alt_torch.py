"""PyTorch port of max_numpy.py written with bare parameters (variant of max_torch.py).

Weights kept (in, out) as in the NumPy program; the padding is pushed down by a large
negative offset instead of -inf before the max (the winner is always a real element, its value
unchanged); cross-entropy as log_softmax + nll_loss.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class MaxDeepSetAlt(nn.Module):
    def __init__(self):
        super().__init__()
        self.W_phi = nn.Parameter(torch.zeros(4, 12))
        self.b_phi = nn.Parameter(torch.zeros(12))
        self.W_h = nn.Parameter(torch.zeros(12, 16))
        self.b_h = nn.Parameter(torch.zeros(16))
        self.W_out = nn.Parameter(torch.zeros(16, 3))
        self.b_out = nn.Parameter(torch.zeros(3))

    def forward(self, X):
        pad = (X == 0).all(dim=-1).to(X.dtype)                 # (N, S) 1 at padding
        e = torch.tanh(X @ self.W_phi + self.b_phi)
        pooled, _ = torch.max(e - 1e4 * pad.unsqueeze(-1), dim=1)
        h = torch.clamp(pooled @ self.W_h + self.b_h, min=0)
        return h @ self.W_out + self.b_out


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-3)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logp = F.log_softmax(model(X), dim=1)
    loss = F.nll_loss(logp, y)
    loss.backward()
    optimizer.step()
    return loss.item()
