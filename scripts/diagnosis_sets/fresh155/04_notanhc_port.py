"""PyTorch port of tag_numpy.py: the lstm.py-style tagger with one WLSTM matrix.

    WLSTM = nn.Parameter((1 + D + H, 4H)), first row the bias, gate order i, f, o, g
    out   = nn.Linear(H, K)              out.weight = Wy.T, out.bias = by

The loss is the per-step cross-entropy masked past each length, summed and divided by N.
Training: clip_grad_norm_(max_norm=1.0), torch.optim.RMSprop(lr=0.01, alpha=0.9).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class LSTMTagger(nn.Module):
    def __init__(self, n_in=4, hidden=4, n_tags=3):
        super().__init__()
        D, H = n_in, hidden
        self.H = H
        W = torch.randn(1 + D + H, 4 * H) / (D + H) ** 0.5
        W[0] = 0.0
        W[0, H:2 * H] = 1.0                             # forget-gate bias
        self.WLSTM = nn.Parameter(W)
        self.out = nn.Linear(H, n_tags)

    def forward(self, X):
        N, T, _ = X.shape
        H = self.H
        h = X.new_zeros(N, H)
        c = X.new_zeros(N, H)
        ones = X.new_ones(N, 1)
        hs = []
        for t in range(T):
            a = torch.cat([ones, X[:, t], h], dim=1) @ self.WLSTM
            i = torch.sigmoid(a[:, :H])
            f = torch.sigmoid(a[:, H:2 * H])
            o = torch.sigmoid(a[:, 2 * H:3 * H])
            g = torch.tanh(a[:, 3 * H:])
            c = f * c + i * g
            h = o * c
            hs.append(h)
        return self.out(torch.stack(hs, dim=1))          # (N, T, K)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9)


def masked_loss(logits, X, y):
    N, T, K = logits.shape
    mask = (X != 0).any(dim=2).to(logits.dtype)
    ce = F.cross_entropy(logits.reshape(N * T, K), y.reshape(N * T), reduction="none")
    return (ce.reshape(N, T) * mask).sum() / N


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    loss = masked_loss(model(X), X, y)
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    optimizer.step()
    return loss.item()
