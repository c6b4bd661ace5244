"""PyTorch port of last_numpy.py: nn.LSTM over the padded batch, the output at each row's
last valid step into a linear head, cross-entropy, clip_grad_norm_, Adam."""

import torch
import torch.nn as nn
import torch.nn.functional as F

MAX_NORM = 0.1


class LSTMLast(nn.Module):
    def __init__(self, n_in=4, hidden=8, n_classes=3):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden)
        self.head = nn.Linear(hidden, n_classes)

    def forward(self, X):
        feats = X[:, :, :-1]
        lengths = X[:, :, -1].sum(dim=1).long()
        out, _ = self.lstm(feats)                                  # (N, T, H)
        last = out[torch.arange(X.shape[0]), lengths - 1]
        return self.head(last)


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = F.cross_entropy(logits, y.long())
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
