"""PyTorch port of cls_numpy.py: an LSTM many-to-one classifier over zero-padded sequences.

The cell is written by hand from two nn.Linear layers (one bias, in ih), gate order
i, f, g, o as torch's; the state is carried unchanged past each sequence's length, so the
classifier reads h at each sequence's own last step.

    ih = nn.Linear(n_in, 4H)          ih.weight = Wx.T, ih.bias = b
    hh = nn.Linear(H, 4H, bias=False) hh.weight = Wh.T
    fc = nn.Linear(H, K)              fc.weight = Wy.T, fc.bias = by

Training: F.cross_entropy (mean), clip_grad_norm_(max_norm=0.15), torch.optim.Adam(lr=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

MAX_NORM = 0.15


class LSTMClassifier(nn.Module):
    def __init__(self, n_in=3, hidden=5, n_classes=3):
        super().__init__()
        self.hidden = hidden
        self.ih = nn.Linear(n_in, 4 * hidden)
        self.hh = nn.Linear(hidden, 4 * hidden, bias=False)
        self.fc = nn.Linear(hidden, n_classes)
        self.state = None
        with torch.no_grad():
            self.ih.bias.zero_()
            self.ih.bias[hidden:2 * hidden] = 1.0      # forget-gate bias

    def forward(self, X):
        N, T, _ = X.shape
        mask = (X != 0).any(dim=2).to(X.dtype)
        if self.state is None:
            self.state = (X.new_zeros(N, self.hidden), X.new_zeros(N, self.hidden))
        h, c = self.state
        for t in range(T):
            gates = self.ih(X[:, t]) + self.hh(h)
            i, f, g, o = gates.chunk(4, dim=1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c_new = f * c + i * g
            h_new = o * torch.tanh(c_new)
            m = mask[:, t:t + 1]
            c = m * c_new + (1 - m) * c
            h = m * h_new + (1 - m) * h
        self.state = (h.detach(), c.detach())
        return self.fc(h)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=MAX_NORM)
    optimizer.step()
    return loss.item()
