"""PyTorch port of tag_numpy.py written another way (same computation as tag_torch.py).

The padded steps get the target -100 and F.cross_entropy's ignore_index drops them; the sum
over the remaining steps is divided by N. The three sigmoid gates are taken in one call and
split; the output layer is applied step by step.

    WLSTM = nn.Parameter((1 + D + H, 4H)), gate order i, f, o, g;  head.weight = Wy.T, head.bias = by
Training: clip_grad_norm_(1.0), torch.optim.RMSprop(lr=0.01, alpha=0.9).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class LSTMTaggerAlt(nn.Module):
    def __init__(self, n_in=4, hidden=4, n_tags=3):
        super().__init__()
        self.H = hidden
        bias_row = torch.zeros(1, 4 * hidden)
        bias_row[0, hidden:2 * hidden] = 1.0
        self.WLSTM = nn.Parameter(torch.cat([bias_row,
                                             0.3 * torch.randn(n_in + hidden, 4 * hidden)]))
        self.head = nn.Linear(hidden, n_tags)

    def forward(self, X):
        N, T, _ = X.shape
        H = self.H
        state = (X.new_zeros(N, H), X.new_zeros(N, H))
        outs = []
        for x in X.unbind(dim=1):
            h, c = state
            a = torch.cat([torch.ones_like(x[:, :1]), x, h], dim=1) @ self.WLSTM
            i, f, o = torch.sigmoid(a[:, :3 * H]).split(H, dim=1)
            g = torch.tanh(a[:, 3 * H:])
            c = f * c + i * g
            h = o * torch.tanh(c)
            state = (h, c)
            outs.append(self.head(h))
        return torch.stack(outs, dim=1)


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=0.01, alpha=0.9, eps=1e-8)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logits = model(X)
    real = (X != 0).any(dim=2)
    targets = y.masked_fill(~real, -100)
    loss = F.cross_entropy(logits.flatten(0, 1), targets.flatten(), ignore_index=-100,
                           reduction="sum") / X.shape[0]
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    return loss.item()
