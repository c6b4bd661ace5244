"""PyTorch port of seq_numpy.py: nn.LSTM(batch_first=True) and a linear tag head.

The padded sequences run through nn.LSTM as they are: a tagger's outputs at real steps do not
depend on the padding after them, and the loss masks the padded steps out (mean over the
real steps).

    lstm.weight_ih_l0 = weight_ih, lstm.weight_hh_l0 = weight_hh,
    lstm.bias_ih_l0 = bias_ih, lstm.bias_hh_l0 = bias_hh, fc.weight = W_out, fc.bias = b_out

Training: clip_grad_norm_(max_norm=0.14), torch.optim.AdamW(lr=0.01, weight_decay=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SeqTagger(nn.Module):
    def __init__(self, n_in=3, hidden=6, n_tags=4):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, batch_first=True)
        self.fc = nn.Linear(hidden, n_tags)
        with torch.no_grad():
            self.lstm.bias_ih_l0.zero_()
            self.lstm.bias_hh_l0.zero_()
            self.lstm.bias_ih_l0[hidden:2 * hidden] = 1.0   # forget-gate bias

    def forward(self, X):
        out, _ = self.lstm(X)
        return self.fc(out)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, weight_decay=0.01)


def train_step(model, optimizer, X, y, scheduler=None):
    optimizer.zero_grad()
    logits = model(X)
    mask = (X != 0).any(dim=2).to(logits.dtype)
    ce = F.cross_entropy(logits.transpose(1, 2), y, reduction="none")   # (N, T)
    loss = (ce * mask).sum() / mask.sum()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), max_norm=0.14)
    optimizer.step()
    return loss.item()
